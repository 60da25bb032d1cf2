import { route } from '@forge/api';
import { PROCESS_LINK_PROPERTY_KEY, readProcessLink, type ProcessLink } from '../domain/catalog/processLink';
import type { IssueTraits } from '../domain/autoLink/autoLinkRules';
import { writeIssueProperty } from './issueProperties';
import { callJiraJson, unexpectedJiraAnswer, type JiraActor } from './jiraRequest';

/** An issue as inheritance and the automation actions need it: its link, parent and the traits rules match on. */
export interface IssueLinkFacts extends IssueTraits {
  id: string;
  key: string;
  projectKey: string | null;
  parentKey: string | null;
  link: ProcessLink | null;
}

interface IssueBean {
  id: string;
  key: string;
  fields?: {
    parent?: { key?: string };
    components?: Array<{ name?: string }>;
    labels?: string[];
    issuetype?: { name?: string };
    project?: { key?: string };
  };
  properties?: Record<string, unknown>;
}

/**
 * One issue with its process link property, in one request; null when the actor cannot see it
 * (Jira answers 404 for both "missing" and "not allowed").
 */
export async function fetchIssueLinkFacts(actor: JiraActor, issueIdOrKey: string): Promise<IssueLinkFacts | null> {
  const { status, body } = await callJiraJson<IssueBean>(
    actor,
    route`/rest/api/3/issue/${issueIdOrKey}?fields=parent,components,labels,issuetype,project&properties=${PROCESS_LINK_PROPERTY_KEY}`,
  );
  if (status === 404) return null;
  if (status !== 200 || !body) throw unexpectedJiraAnswer('read the issue', status, body);
  const fields = body.fields ?? {};
  return {
    id: body.id,
    key: body.key,
    projectKey: fields.project?.key ?? null,
    parentKey: fields.parent?.key ?? null,
    components: (fields.components ?? []).flatMap((component) => (component.name ? [component.name] : [])),
    labels: fields.labels ?? [],
    issueType: fields.issuetype?.name ?? null,
    link: readProcessLink(body.properties?.[PROCESS_LINK_PROPERTY_KEY]),
  };
}

/** Writes the process link as `actor` (see `writeIssueProperty`). */
export function writeProcessLinkAs(actor: JiraActor, issueId: string, link: ProcessLink): Promise<void> {
  return writeIssueProperty(issueId, PROCESS_LINK_PROPERTY_KEY, link, actor);
}

interface ProjectBean {
  id: string;
  key: string;
}

/** A project by key as `actor`; null when it does not exist or they may not browse it. */
export async function fetchProjectRef(actor: JiraActor, projectKey: string): Promise<{ id: string; key: string } | null> {
  const { status, body } = await callJiraJson<ProjectBean>(actor, route`/rest/api/3/project/${projectKey}`);
  if (status === 404) return null;
  if (status !== 200 || !body) throw unexpectedJiraAnswer('read the project', status, body);
  return { id: body.id, key: body.key };
}
