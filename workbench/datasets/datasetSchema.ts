import { z } from 'zod';

/**
 * A workbench dataset: everything the Jira stand-in knows about a site. `POST /workbench/seed`
 * takes one of these; a dataset that fails this schema is rejected with the path of the bad field.
 * Times are ISO 8601 strings with an offset (`2026-11-02T09:00:00.000Z`).
 */

const isoTime = z.iso.datetime({ offset: true, message: 'Expected an ISO 8601 date-time, e.g. 2026-11-02T09:00:00.000Z.' });
const accountId = z.string().min(1).max(128);
const numericId = z.string().regex(/^\d+$/, 'Jira ids are digit strings, e.g. "10001".');

export const datasetUserSchema = z
  .object({
    accountId,
    displayName: z.string().min(1),
    emailAddress: z.string().email().optional(),
    /** What the user is for in the demo; permissions below decide what they may do. */
    role: z.enum(['admin', 'apo', 'asm', 'member', 'viewer', 'outsider']),
    /** Jira's global ADMINISTER permission. */
    siteAdmin: z.boolean().default(false),
    timeZone: z.string().default('UTC'),
    active: z.boolean().default(true),
  })
  .strict();

export const projectPermissionsSchema = z
  .object({
    /** BROWSE_PROJECTS: may see the project's issues. */
    browse: z.array(accountId).default([]),
    /** EDIT_ISSUES (also needed to write issue properties). */
    edit: z.array(accountId).default([]),
    /** CREATE_ISSUES. */
    create: z.array(accountId).default([]),
    /** ADMINISTER_PROJECTS. */
    administer: z.array(accountId).default([]),
  })
  .strict();

export const datasetProjectSchema = z
  .object({
    id: numericId,
    key: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/),
    name: z.string().min(1),
    /** company-managed = Jira's `classic`, team-managed = `next-gen`. */
    style: z.enum(['company-managed', 'team-managed']),
    leadAccountId: accountId,
    /** Issue types available in the project (its issue type scheme), by id. */
    issueTypeIds: z.array(numericId).min(1),
    permissions: projectPermissionsSchema,
    components: z.array(z.object({ id: numericId, name: z.string().min(1) }).strict()).default([]),
  })
  .strict();

export const datasetIssueTypeSchema = z
  .object({
    id: numericId,
    name: z.string().min(1),
    description: z.string().default(''),
    subtask: z.boolean().default(false),
    /** Jira's hierarchy: -1 sub-task, 0 standard, 1 epic. */
    hierarchyLevel: z.number().int().min(-1).max(1).default(0),
  })
  .strict();

export const datasetStatusSchema = z
  .object({
    id: numericId,
    name: z.string().min(1),
    /** Jira's status category keys. */
    category: z.enum(['new', 'indeterminate', 'done']),
  })
  .strict();

export const datasetBoardSchema = z
  .object({
    id: z.number().int().positive(),
    name: z.string().min(1),
    type: z.enum(['scrum', 'kanban']),
    projectKey: z.string(),
  })
  .strict();

export const datasetSprintSchema = z
  .object({
    id: z.number().int().positive(),
    /** The board the sprint was created on. */
    boardId: z.number().int().positive(),
    name: z.string().min(1),
    state: z.enum(['future', 'active', 'closed']),
    goal: z.string().default(''),
    startDate: isoTime.optional(),
    endDate: isoTime.optional(),
    completeDate: isoTime.optional(),
  })
  .strict();

/** One change of one field, as Jira's changelog records it (`from`/`to` are ids, `*String` names). */
export const changelogItemSchema = z
  .object({
    /** `status`, `customfield_10020` (Sprint), `customfield_10021` (Flagged), `labels`, … */
    fieldId: z.string().min(1),
    /** The field's name as Jira shows it: `status`, `Sprint`, `Flagged`, … */
    field: z.string().min(1),
    fieldtype: z.enum(['jira', 'custom']).default('jira'),
    from: z.string().nullable().default(null),
    fromString: z.string().nullable().default(null),
    to: z.string().nullable().default(null),
    toString: z.string().nullable().default(null),
  })
  .strict();

export const changelogEntrySchema = z
  .object({
    id: numericId,
    created: isoTime,
    authorAccountId: accountId,
    items: z.array(changelogItemSchema).min(1),
  })
  .strict();

export const datasetIssueSchema = z
  .object({
    id: numericId,
    key: z.string().regex(/^[A-Z][A-Z0-9]+-\d+$/),
    projectKey: z.string(),
    issueTypeId: numericId,
    summary: z.string().min(1).max(255),
    description: z.string().default(''),
    statusId: numericId,
    priority: z.enum(['Highest', 'High', 'Medium', 'Low', 'Lowest']).default('Medium'),
    labels: z.array(z.string().regex(/^\S+$/, 'Labels have no spaces.')).default([]),
    /** Component names of the project. */
    components: z.array(z.string()).default([]),
    /** Parent (epic or parent issue) key. */
    parentKey: z.string().nullable().default(null),
    assigneeAccountId: accountId.nullable().default(null),
    reporterAccountId: accountId,
    created: isoTime,
    updated: isoTime,
    resolutionDate: isoTime.nullable().default(null),
    /** The Sprint field now: every sprint the issue is or was in (closed ones it carried over from, then the current one). */
    sprintIds: z.array(z.number().int().positive()).default([]),
    /** The Flagged field now (Jira's "Impediment" checkbox). */
    flagged: z.boolean().default(false),
    /**
     * The issue security level (Jira's `security` field), when one is set: on top of Browse Projects, only its
     * members may see the issue. Jira takes members from a security scheme (users, groups, roles); users here.
     */
    security: z
      .object({ id: numericId, name: z.string().min(1), members: z.array(accountId) })
      .strict()
      .nullish(),
    /** Issue entity properties by key. */
    properties: z.record(z.string(), z.unknown()).default({}),
    /** Oldest first. */
    changelog: z.array(changelogEntrySchema).default([]),
  })
  .strict();

export const datasetSchema = z
  .object({
    name: z.string().min(1),
    site: z
      .object({
        cloudId: z.string().min(1),
        baseUrl: z.string().url(),
        /** The instant the dataset was made for: "now" for active sprints, ages and default dates. */
        now: isoTime,
      })
      .strict(),
    users: z.array(datasetUserSchema).min(1),
    issueTypes: z.array(datasetIssueTypeSchema).min(1),
    statuses: z.array(datasetStatusSchema).min(1),
    projects: z.array(datasetProjectSchema),
    boards: z.array(datasetBoardSchema).default([]),
    sprints: z.array(datasetSprintSchema).default([]),
    issues: z.array(datasetIssueSchema).default([]),
  })
  .strict()
  .superRefine((dataset, ctx) => {
    // Cross-references: every id a record names must exist, so the stand-in never meets a dangling one.
    const users = new Set(dataset.users.map((user) => user.accountId));
    const issueTypes = new Set(dataset.issueTypes.map((type) => type.id));
    const statuses = new Set(dataset.statuses.map((status) => status.id));
    const projects = new Map(dataset.projects.map((project) => [project.key, project]));
    const boards = new Set(dataset.boards.map((board) => board.id));
    const sprints = new Set(dataset.sprints.map((sprint) => sprint.id));
    const issueKeys = new Set(dataset.issues.map((issue) => issue.key));
    const problem = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });
    const unique = <T>(what: string, path: string, items: readonly T[], valueOf: (item: T) => string | number) => {
      const seen = new Set<string | number>();
      items.map(valueOf).forEach((value, index) => {
        if (seen.has(value)) problem([path, index], `Duplicate ${what} ${value}.`);
        seen.add(value);
      });
    };
    unique('accountId', 'users', dataset.users, (u) => u.accountId);
    unique('project key', 'projects', dataset.projects, (p) => p.key);
    unique('issue key', 'issues', dataset.issues, (i) => i.key);
    unique('issue id', 'issues', dataset.issues, (i) => i.id);
    unique('sprint id', 'sprints', dataset.sprints, (s) => s.id);
    dataset.projects.forEach((project, p) => {
      if (!users.has(project.leadAccountId)) problem(['projects', p, 'leadAccountId'], `Unknown user ${project.leadAccountId}.`);
      project.issueTypeIds.forEach((id, t) => {
        if (!issueTypes.has(id)) problem(['projects', p, 'issueTypeIds', t], `Unknown issue type ${id}.`);
      });
      for (const [permission, ids] of Object.entries(project.permissions)) {
        ids.forEach((id, u) => {
          if (!users.has(id)) problem(['projects', p, 'permissions', permission, u], `Unknown user ${id}.`);
        });
      }
    });
    dataset.boards.forEach((board, b) => {
      if (!projects.has(board.projectKey)) problem(['boards', b, 'projectKey'], `Unknown project ${board.projectKey}.`);
    });
    dataset.sprints.forEach((sprint, s) => {
      if (!boards.has(sprint.boardId)) problem(['sprints', s, 'boardId'], `Unknown board ${sprint.boardId}.`);
      if (sprint.state !== 'future' && !sprint.startDate) problem(['sprints', s, 'startDate'], 'A started sprint needs a startDate.');
      if (sprint.state === 'closed' && !sprint.completeDate)
        problem(['sprints', s, 'completeDate'], 'A closed sprint needs a completeDate.');
    });
    dataset.issues.forEach((issue, i) => {
      const project = projects.get(issue.projectKey);
      if (!project) problem(['issues', i, 'projectKey'], `Unknown project ${issue.projectKey}.`);
      else {
        if (!issue.key.startsWith(`${project.key}-`)) problem(['issues', i, 'key'], `The key must start with ${project.key}-.`);
        if (!project.issueTypeIds.includes(issue.issueTypeId))
          problem(['issues', i, 'issueTypeId'], `Issue type ${issue.issueTypeId} is not in project ${project.key}.`);
        issue.components.forEach((name, c) => {
          if (!project.components.some((component) => component.name === name))
            problem(['issues', i, 'components', c], `Project ${project.key} has no component ${name}.`);
        });
      }
      if (!statuses.has(issue.statusId)) problem(['issues', i, 'statusId'], `Unknown status ${issue.statusId}.`);
      if (!users.has(issue.reporterAccountId)) problem(['issues', i, 'reporterAccountId'], `Unknown user ${issue.reporterAccountId}.`);
      if (issue.assigneeAccountId && !users.has(issue.assigneeAccountId))
        problem(['issues', i, 'assigneeAccountId'], `Unknown user ${issue.assigneeAccountId}.`);
      if (issue.parentKey && !issueKeys.has(issue.parentKey)) problem(['issues', i, 'parentKey'], `Unknown issue ${issue.parentKey}.`);
      issue.sprintIds.forEach((id, s) => {
        if (!sprints.has(id)) problem(['issues', i, 'sprintIds', s], `Unknown sprint ${id}.`);
      });
      issue.changelog.forEach((entry, e) => {
        if (!users.has(entry.authorAccountId))
          problem(['issues', i, 'changelog', e, 'authorAccountId'], `Unknown user ${entry.authorAccountId}.`);
      });
    });
  });

export type Dataset = z.output<typeof datasetSchema>;
export type DatasetInput = z.input<typeof datasetSchema>;
export type DatasetUser = Dataset['users'][number];
export type DatasetProject = Dataset['projects'][number];
export type DatasetIssue = Dataset['issues'][number];
export type DatasetSprint = Dataset['sprints'][number];
export type ChangelogEntry = DatasetIssue['changelog'][number];

/** Well-known custom field ids the stand-in uses (as on most Jira Cloud sites). */
export const JIRA_FIELD_IDS = { sprint: 'customfield_10020', flagged: 'customfield_10021' } as const;

export class DatasetError extends Error {
  constructor(readonly problems: Array<{ path: string; message: string }>) {
    super(
      `The dataset is not valid: ${problems
        .slice(0, 5)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
    );
    this.name = 'DatasetError';
  }
}

/** Validates a dataset; the error names the path of every bad field (`issues.3.statusId`). */
export function parseDataset(raw: unknown): Dataset {
  const parsed = datasetSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new DatasetError(parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || '(dataset)', message: issue.message })));
}
