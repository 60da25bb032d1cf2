import type { Process } from '../../domain/catalog/catalogSchemas';
import { PROCESS_LINK_PROPERTY_KEY, readProcessLink } from '../../domain/catalog/processLink';
import {
  findSuggestion,
  LINK_SUGGESTION_ISSUE_LIMIT,
  sortAcceptedIssues,
  suggestLinks,
  type LinkSuggestion,
  type LinkedIssue,
  type SkipReason,
  type UnlinkedIssue,
} from '../../domain/linkSuggestions/linkSuggestions';
import { cannotSeeProject, DomainError } from '../../domain/errors';
import { fetchProjectInfo } from '../../jira/issueTypes';
import { searchIssues, type SearchIssueBean } from '../../jira/enhancedSearch';
import { bulkSetIssueProperty } from '../../jira/issueProperties';
import { linkRecordOf } from '../../domain/records/appRecords';
import { writeLinkRecords } from '../../storage/appRecordStore';
import type { JiraCall } from '../../jira/jiraRequest';
import { fetchMyPermissions, issuesWithPermission } from '../../jira/permissions';
import { readAutoLinkRulesForLinking } from '../../storage/autoLinkRulesStore';
import { listProcesses } from '../../storage/catalogStore';
import { jqlString } from '../../jira/improvementIssues';
import { jiraCallFor, type Actor, type JiraRef } from '../actor';
import { prepareProcessLink } from '../issueLink/linkIssueToProcess';
import { requireUser } from '../viewer';

/** Only what the suggestions read: each field and issue returned costs rate-limit points. */
const FIELDS = ['summary', 'issuetype', 'components', 'labels', 'parent'];
const MAX_SKIP_EXAMPLES = 3;

interface ProjectIssues {
  unlinked: UnlinkedIssue[];
  linked: Array<LinkedIssue & { id: string; key: string }>;
  truncated: { unlinked: boolean; linked: boolean };
}

const names = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap((item: { name?: unknown }) => (typeof item?.name === 'string' ? [item.name] : [])) : [];

function traitsOf(bean: SearchIssueBean) {
  const fields = bean.fields ?? {};
  const issueType = (fields.issuetype as { name?: unknown } | undefined)?.name;
  return {
    summary: typeof fields.summary === 'string' ? fields.summary : '',
    issueType: typeof issueType === 'string' ? issueType : null,
    components: names(fields.components),
    labels: Array.isArray(fields.labels) ? fields.labels.filter((label): label is string => typeof label === 'string') : [],
    parentKey: (fields.parent as { key?: unknown } | undefined)?.key,
  };
}

/**
 * The project's issues, as the viewer: unlinked and linked ones in two bounded searches (run
 * together). An issue whose property is not a readable link counts as unlinked, as the panel shows it.
 */
async function loadProjectIssues(call: JiraCall, projectKey: string): Promise<ProjectIssues> {
  const project = `project = ${jqlString(projectKey)}`;
  const search = (jql: string) =>
    searchIssues(call, { jql, fields: FIELDS, properties: [PROCESS_LINK_PROPERTY_KEY], limit: LINK_SUGGESTION_ISSUE_LIMIT });
  const [unlinkedPage, linkedPage] = await Promise.all([
    search(`${project} AND asmProcess IS EMPTY ORDER BY created DESC`),
    search(`${project} AND asmProcess IS NOT EMPTY ORDER BY created DESC`),
  ]).catch(async (error: unknown) => {
    // Jira refuses JQL naming a project the viewer may not browse (400): say so as for one that does not exist.
    // The project is asked for only then, so a normal view costs no extra request.
    if (error instanceof DomainError && error.kind === 'upstream' && !(await fetchProjectInfo('user', projectKey)))
      throw cannotSeeProject();
    throw error;
  });
  const linked: ProjectIssues['linked'] = [];
  const linkedByKey = new Map<string, string>();
  const unreadable: SearchIssueBean[] = [];
  for (const bean of linkedPage.issues) {
    const link = readProcessLink(bean.properties?.[PROCESS_LINK_PROPERTY_KEY]);
    if (!link) {
      unreadable.push(bean);
      continue;
    }
    const traits = traitsOf(bean);
    const { issueType, components, labels } = traits;
    linked.push({ id: bean.id, key: bean.key, issueType, components, labels, processKey: link.processKey });
    linkedByKey.set(bean.key, link.processKey);
  }
  const unlinked = [...unlinkedPage.issues, ...unreadable].map((bean): UnlinkedIssue => {
    const traits = traitsOf(bean);
    return {
      id: bean.id,
      key: bean.key,
      summary: traits.summary,
      issueType: traits.issueType,
      components: traits.components,
      labels: traits.labels,
      // Parents outside the project (or beyond the bound) are not known here: no extra request for them.
      parentProcessKey: typeof traits.parentKey === 'string' ? (linkedByKey.get(traits.parentKey) ?? null) : null,
    };
  });
  return { unlinked, linked, truncated: { unlinked: unlinkedPage.truncated, linked: linkedPage.truncated } };
}

async function computeSuggestions(
  call: JiraCall,
  projectKey: string,
  processes: readonly Process[],
): Promise<{ issues: ProjectIssues; suggestions: LinkSuggestion[] }> {
  const [issues, rules] = await Promise.all([loadProjectIssues(call, projectKey), readAutoLinkRulesForLinking()]);
  return { issues, suggestions: suggestLinks({ unlinked: issues.unlinked, linked: issues.linked, processes, rules: rules.rules }) };
}

/** What the project's unlinked issues could be linked to, judged by what its linked ones share; as the viewer. */
export async function getLinkSuggestions(input: { project: JiraRef }, actor: Actor) {
  const { project } = input;
  const call = jiraCallFor(requireUser(actor));
  // Said up front, so a viewer is not offered a link that would only come back "skipped".
  const [{ issues, suggestions }, permissions] = await Promise.all([
    listProcesses().then((processes) => computeSuggestions(call, project.key, processes)),
    fetchMyPermissions(['EDIT_ISSUES'], { projectKey: project.key }),
  ]);
  return {
    projectKey: project.key,
    canEdit: permissions.EDIT_ISSUES,
    suggestions,
    unlinkedCount: issues.unlinked.length,
    linkedCount: issues.linked.length,
    limit: LINK_SUGGESTION_ISSUE_LIMIT,
    truncated: issues.truncated,
  };
}

/**
 * Links the accepted suggestion's issues as the viewer. The suggestion is computed again here; of the
 * issues the person saw, only those it still covers and they may edit are written. Jira requests:
 * the two searches, one permission check, one bulk write per 100 issues and its task.
 */
export async function acceptLinkSuggestion(
  input: { project: JiraRef; signal: LinkSuggestion['signal']; processKey: string; issueIds: string[] },
  actor: Actor,
) {
  const { project, signal, processKey, issueIds } = input;
  const user = requireUser(actor);
  const processes = await listProcesses();
  const process = processes.find((candidate) => candidate.key === processKey);
  if (!process || process.status !== 'active') {
    throw new DomainError('invalid', `There is no active process with key ${processKey}.`, {
      fields: { processKey: 'Pick a process from the suggestions.' },
    });
  }
  const { issues, suggestions } = await computeSuggestions(jiraCallFor(user), project.key, processes);
  const { toWrite, skipped } = sortAcceptedIssues({
    requestedIds: issueIds,
    suggestion: findSuggestion(suggestions, signal, processKey),
    unlinkedIds: new Set(issues.unlinked.map((issue) => issue.id)),
    linkedIds: new Set(issues.linked.map((issue) => issue.id)),
  });
  let written: string[] = [];
  let complete = true;
  if (toWrite.length > 0) {
    const permitted = await issuesWithPermission('EDIT_ISSUES', toWrite);
    written = toWrite.filter((id) => permitted.has(id));
    const refused = toWrite.filter((id) => !permitted.has(id));
    if (refused.length) skipped.set('no-permission', refused);
    if (written.length) {
      const link = await prepareProcessLink({
        processKey,
        stageId: null,
        linkedBy: user.accountId,
        source: 'person',
        via: 'link-suggestion',
      });
      ({ complete } = await bulkSetIssueProperty(written, PROCESS_LINK_PROPERTY_KEY, link));
      await writeLinkRecords(written, linkRecordOf(link));
    }
  }
  const keys = new Map([...issues.unlinked, ...issues.linked].map((issue) => [issue.id, issue.key]));
  const order: SkipReason[] = ['no-permission', 'already-linked', 'no-longer-matches', 'not-found'];
  return {
    linked: written.length,
    skipped: order.flatMap((reason) => {
      const ids = skipped.get(reason) ?? [];
      return ids.length ? [{ reason, count: ids.length, examples: ids.slice(0, MAX_SKIP_EXAMPLES).map((id) => keys.get(id) ?? id) }] : [];
    }),
    complete,
  };
}
