import { z } from 'zod';
import { PROCESS_LINK_PROPERTY_KEY, readProcessLink, type ProcessLink } from '../domain/catalog/processLink';
import { IMPROVEMENT_PROPERTY_KEY, readImprovementProperty } from '../domain/improvements/improvementProperty';
import { DomainError } from '../domain/errors';
import type { SprintFieldIds } from './jiraFields';
import { searchEveryIssue, type SearchIssueBean, type SearchProgress } from './enhancedSearch';
import type { JiraCall } from './jiraRequest';

export type { SearchProgress } from './enhancedSearch';

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

/** One issue of a sprint as it is now: exactly what sprint health needs, nothing more. */
export interface SprintIssueSnapshot {
  id: string;
  key: string;
  summary: string;
  issueTypeName: string;
  statusId: string;
  statusName: string;
  statusCategory: StatusCategoryKey;
  /** Every sprint the issue is in now (an unfinished issue can sit in a closed sprint and the next one). */
  currentSprintIds: number[];
  created: string;
  updated: string;
  resolutionDate: string | null;
  flagged: boolean;
  /** The issue's process link (entity property), or null when it has none or an unreadable one. */
  linkProperty: ProcessLink | null;
  /**
   * The issue carries the app's improvement property: an improvement story whatever its type (in
   * team-managed projects any story can be one). Its process, when the issue has no link of its own.
   */
  improvement: { processKey: string | null } | null;
}

/** Entity properties sprint health asks for with the issues: the process link and the improvement story. */
export const SPRINT_HEALTH_PROPERTY_KEYS = [PROCESS_LINK_PROPERTY_KEY, IMPROVEMENT_PROPERTY_KEY];

export interface SprintIssuesRequest {
  sprintId: number;
  fieldIds: SprintFieldIds;
  /** Only issues updated since `at` (incremental refresh); `now` is the caller's clock. */
  updatedSince?: { at: Date; now: Date };
  onProgress?: (progress: SearchProgress) => void;
}

/** Slack for clock skew between the app and Jira, and for Jira rounding the period to minutes. */
const RELATIVE_BOUND_SLACK_MINUTES = 2;

/**
 * `sprint = 42`, or `sprint = 42 AND updated >= "-7m"` for an incremental refresh. A relative
 * period is read on Jira's own clock, so it needs no time zone (absolute JQL dates are read in the
 * user's Jira zone, which the app does not know); callers re-check the exact `updated` instant.
 */
export function sprintIssuesJql(sprintId: number, updatedSince?: SprintIssuesRequest['updatedSince']): string {
  if (!Number.isSafeInteger(sprintId) || sprintId <= 0) throw new DomainError('invalid', 'That is not a sprint id.');
  const base = `sprint = ${sprintId}`;
  if (!updatedSince) return base;
  const elapsedMinutes = Math.max(0, Math.ceil((updatedSince.now.getTime() - updatedSince.at.getTime()) / 60_000));
  return `${base} AND updated >= "-${elapsedMinutes + RELATIVE_BOUND_SLACK_MINUTES}m"`;
}

const statusSchema = z.object({
  id: z.string(),
  name: z.string().default(''),
  statusCategory: z.object({ key: z.string() }).optional(),
});
const sprintValueSchema = z.array(z.object({ id: z.number() })).nullish();
const namedSchema = z.object({ name: z.string() }).nullish();

/** The sprint's issues now, asking Jira only for the fields sprint health reads. */
export async function fetchSprintIssues(call: JiraCall, request: SprintIssuesRequest): Promise<SprintIssueSnapshot[]> {
  const { sprint, flagged } = request.fieldIds;
  const fields = ['summary', 'status', 'issuetype', 'created', 'updated', 'resolutiondate'];
  if (sprint) fields.push(sprint);
  if (flagged) fields.push(flagged);
  const issues = await searchEveryIssue(call, {
    jql: sprintIssuesJql(request.sprintId, request.updatedSince),
    fields,
    // In the same search: an improvement's property costs no extra request.
    properties: SPRINT_HEALTH_PROPERTY_KEYS,
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });
  return issues.map((issue) => toSnapshot(issue, request.fieldIds));
}

export function toSnapshot(issue: SearchIssueBean, fieldIds: SprintFieldIds): SprintIssueSnapshot {
  const fields = issue.fields;
  const status = statusSchema.safeParse(fields.status);
  const sprints = fieldIds.sprint ? sprintValueSchema.safeParse(fields[fieldIds.sprint]) : undefined;
  const flaggedValue = fieldIds.flagged ? fields[fieldIds.flagged] : undefined;
  return {
    id: issue.id,
    key: issue.key,
    summary: typeof fields.summary === 'string' ? fields.summary : '',
    issueTypeName: namedSchema.safeParse(fields.issuetype).data?.name ?? '',
    statusId: status.data?.id ?? '',
    statusName: status.data?.name ?? '',
    statusCategory: toStatusCategory(status.data?.statusCategory?.key),
    currentSprintIds: sprints?.success ? (sprints.data ?? []).map((value) => value.id) : [],
    created: typeof fields.created === 'string' ? fields.created : '',
    updated: typeof fields.updated === 'string' ? fields.updated : '',
    resolutionDate: typeof fields.resolutiondate === 'string' ? fields.resolutiondate : null,
    // Flagged is a checkbox field: a non-empty list of options ("Impediment") means flagged.
    flagged: Array.isArray(flaggedValue) ? flaggedValue.length > 0 : flaggedValue != null,
    linkProperty: readProcessLink(issue.properties?.[PROCESS_LINK_PROPERTY_KEY]),
    improvement: readImprovementMark(issue.properties?.[IMPROVEMENT_PROPERTY_KEY]),
  };
}

/** Present is enough to mark an improvement: a property from another app version still says so. */
function readImprovementMark(value: unknown): SprintIssueSnapshot['improvement'] {
  if (value === undefined || value === null) return null;
  return { processKey: readImprovementProperty(value)?.processKey ?? null };
}

/** Jira's "undefined" category (no category) behaves like to-do for flow purposes. */
export const toStatusCategory = (key: string | undefined): StatusCategoryKey => (key === 'indeterminate' || key === 'done' ? key : 'new');

/** Ids and keys of every issue matching `jql`: the cheapest search (5000 a page, no fields). */
export async function searchIssueIds(
  call: JiraCall,
  jql: string,
  onProgress?: (progress: SearchProgress) => void,
): Promise<Array<{ id: string; key: string }>> {
  const issues = await searchEveryIssue(call, { jql, fields: ['id'], ...(onProgress ? { onProgress } : {}) });
  return issues.map(({ id, key }) => ({ id, key }));
}
