import { z } from 'zod';
import {
  PROCESS_KEY_PATTERN,
  processInputSchema,
  processSchema,
  valueStreamInputSchema,
  valueStreamSchema,
} from '../domain/catalog/catalogSchemas';
import { processLinkSchema } from '../domain/catalog/processLink';

/**
 * The issue panel's and the process catalog's resolvers. Identity, site and issue never
 * appear in a payload: they come from the invocation context.
 */

export const userSummarySchema = z.object({
  accountId: z.string(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
});

/** A process as the issue panel's picker offers it (retired ones are never offered). */
export const linkableProcessSchema = z.object({
  key: z.string(),
  name: z.string(),
  status: z.enum(['draft', 'active']),
  valueStreamKey: z.string().nullable(),
  valueStreamName: z.string().nullable(),
  stageId: z.string().nullable(),
  stages: z.array(z.object({ id: z.string(), name: z.string() })),
});

const linkSourceSchema = z.enum(['person', 'automation', 'inherited', 'auto-rule']).nullable();

/**
 * The link property checked against the app's own record of who linked the issue: `verified`; `changed-outside`
 * (edited or removed through Jira's REST API: `link` shows the record, `propertySays` the claim, which is never
 * credited); `unverified` (no record: linked before Process Loop kept one, so `linkedBy` is null).
 */
export const linkCheckSchema = z.object({
  state: z.enum(['verified', 'changed-outside', 'unverified']),
  linkedBy: z.string().nullable(),
  linkedAt: z.string().nullable(),
  source: linkSourceSchema,
  propertySays: z.object({ processKey: z.string(), linkedBy: z.string(), linkedAt: z.string(), source: linkSourceSchema }).nullable(),
});

export const issueProcessPanelSchema = z.object({
  issue: z.object({ id: z.string(), key: z.string(), summary: z.string() }),
  /** The link as the app recorded it (the property when they agree, or when there is no record). */
  link: processLinkSchema.nullable(),
  linkCheck: linkCheckSchema,
  /** Null when unlinked, or when the linked process was deleted from the catalog. */
  process: processSchema.nullable(),
  valueStream: valueStreamSchema.nullable(),
  /** APO, ASM, whoever linked the issue and whoever the property claims did. */
  users: z.array(userSummarySchema),
  canEdit: z.boolean(),
  /** Why the viewer sees the link read-only. */
  readOnlyReason: z.string().nullable(),
  linkableProcesses: z.array(linkableProcessSchema),
});

const saveOutcome = <T extends z.ZodTypeAny>(record: T) =>
  z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('saved'), record }),
    /** Someone saved first: the newer values, so the editor can compare without losing their own. */
    z.object({ outcome: z.literal('conflict'), current: record }),
  ]);

export const catalogContract = {
  /** Issue panel: everything the panel shows, in one call. */
  getIssueProcessPanel: {
    payload: z.object({}).strict(),
    result: issueProcessPanelSchema,
  },
  /** Issue panel: link (or re-link) this issue to a process, as the viewer. */
  linkIssueToProcess: {
    payload: z
      .object({
        // The key becomes a storage key: only what a process key can be gets that far.
        processKey: z.string().trim().toUpperCase().min(1, 'Pick a process.').regex(PROCESS_KEY_PATTERN, 'Pick a process from the list.'),
        stageId: z.string().max(64).nullable().default(null),
      })
      .strict(),
    result: issueProcessPanelSchema,
  },
  unlinkIssueFromProcess: {
    payload: z.object({}).strict(),
    result: issueProcessPanelSchema,
  },
  /** Project page, Processes tab: the whole catalog with what the viewer may change. */
  getCatalog: {
    payload: z.object({}).strict(),
    result: z.object({
      processes: z.array(processSchema),
      valueStreams: z.array(valueStreamSchema),
      /** Open (not Done) linked issues per process key, from one JQL search. Null when Jira could not answer. */
      openIssueCounts: z.record(z.string(), z.number()).nullable(),
      users: z.array(userSummarySchema),
      viewer: z.object({
        accountId: z.string(),
        isJiraAdmin: z.boolean(),
        editableProcessKeys: z.array(z.string()),
        editableValueStreamKeys: z.array(z.string()),
        canCreateValueStream: z.boolean(),
        /** Value streams the viewer may create processes in; admins may also create without one. */
        processCreationStreamKeys: z.array(z.string()),
        canCreateProcessWithoutStream: z.boolean(),
      }),
    }),
  },
  saveProcess: {
    payload: z.object({ process: processInputSchema, expectedVersion: z.number().int().positive().nullable() }).strict(),
    result: saveOutcome(processSchema),
  },
  saveValueStream: {
    payload: z.object({ valueStream: valueStreamInputSchema, expectedVersion: z.number().int().positive().nullable() }).strict(),
    result: saveOutcome(valueStreamSchema),
  },
  /** User pickers (APO, ASM, owners, RACI). */
  searchUsers: {
    payload: z.object({ query: z.string().trim().min(1, 'Type a name.').max(100) }).strict(),
    result: z.object({ users: z.array(userSummarySchema) }),
  },
} as const;
