import { z } from 'zod';
import { CRITERION_KEYS, DRILL_DOWN_KEYS } from '../domain/sprintHealth/metricKeys';
import { criterionResultSchema, healthSchema, sprintMetricsSchema } from '../domain/sprintHealth/resultSchemas';
import { healthSettingsSchema } from '../domain/sprintHealth/settings';
import { resolverErrorSchema } from './errors';

/**
 * Sprint health: the board / sprint picker, the health table per process, drill-downs and
 * the administrator's health settings. Identity, site and project come from the invocation context.
 * Numbers are aggregates; issue details only ever come from `getSprintHealthDrillDown`, re-read as the viewer.
 */

export const drillDownKeySchema = z.enum(DRILL_DOWN_KEYS);
export type SprintHealthDrillDownKey = z.infer<typeof drillDownKeySchema>;

const idSchema = z.number().int().positive();

/**
 * A background computation's id as the app makes it (`sh-<sprintId>-<base36 time + random>`). It
 * becomes part of a storage key, so nothing else is accepted: INVALID_INPUT, and nothing is read.
 */
export const jobIdSchema = z.string().regex(/^sh-\d{1,15}-[a-z0-9]{1,32}$/, 'Not a sprint health job id.');

export const boardSchema = z.object({ id: z.number(), name: z.string() });

export const sprintSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  state: z.enum(['future', 'active', 'closed']),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  completeDate: z.string().nullable(),
});
export type SprintSummaryView = z.infer<typeof sprintSummarySchema>;

/**
 * A sprint as pickers and views show it. `overdueNote`: Jira still has the sprint active past its planned
 * end ("ended 3 days ago, not closed in Jira yet"), null otherwise; the app keeps treating it as the current one.
 */
export const sprintOptionSchema = sprintSummarySchema.extend({ overdueNote: z.string().nullable() });
export type SprintOptionView = z.infer<typeof sprintOptionSchema>;

/** Per drill-down: how many issues it lists, and how many of those count towards the number. */
export const drillDownCountsSchema = z.record(drillDownKeySchema, z.object({ listed: z.number(), counted: z.number() }));

export const trendPointSchema = z.object({
  sprintId: z.number(),
  sprintName: z.string(),
  completeDate: z.string().nullable(),
  /** null when the process had no row in that sprint, or no criterion applied. */
  score: z.number().nullable(),
  band: healthSchema.shape.band,
  /**
   * The score rested on incomplete data (as the health lozenge marks it); null when there is no score, or the point
   * was stored before the app kept this (not known).
   */
  incompleteData: z.boolean().nullable(),
});

export const sprintHealthRowSchema = z.object({
  /** null: the row for work not linked to any process. */
  processKey: z.string().nullable(),
  /** From the catalog; null for the unlinked row or a process no longer in the catalog. */
  processName: z.string().nullable(),
  /** The viewer is the process's APO or ASM. */
  isMine: z.boolean(),
  metrics: sprintMetricsSchema,
  criteria: z.array(criterionResultSchema),
  health: healthSchema,
  drillDownCounts: drillDownCountsSchema,
  /** Health of this row in the board's last closed sprints up to this one, oldest first (at most 6), from frozen results only. */
  trend: z.array(trendPointSchema),
});
export type SprintHealthRowView = z.infer<typeof sprintHealthRowSchema>;

export const progressSchema = z.object({
  phase: z.enum(['queued', 'searching', 'changelogs', 'computing', 'saving', 'rate-limited']),
  /** Issues (searching, changelogs) found / read so far. */
  done: z.number(),
  /** null while unknown (the enhanced search gives no total). */
  total: z.number().nullable(),
  /** Set in phase `rate-limited`: when Jira said to try again (ISO). The UI says "Jira is busy, retrying at …". */
  retryAt: z.string().nullable(),
});
export type SprintHealthProgress = z.infer<typeof progressSchema>;

export const sprintHealthReadySchema = z.object({
  status: z.literal('ready'),
  sprint: sprintOptionSchema,
  /** A closed sprint's numbers, stored once and never recomputed. */
  frozen: z.boolean(),
  /** An active sprint's numbers: final only once it closes (say/do and carry-over are as of `computedAt`). */
  provisional: z.boolean(),
  /** Why the numbers are provisional, in plain words for the page; null when they are final. */
  provisionalReason: z.string().nullable(),
  computedAt: z.string(),
  window: z.object({ start: z.string(), end: z.string() }),
  completeness: z.object({
    exact: z.boolean(),
    /** Plain sentences the page shows next to the numbers ("removed may be undercounted …"). */
    notes: z.array(z.string()),
    /** false: issues that left the sprint before the app saw them may be missing from "removed". */
    removedIssuesKnown: z.boolean(),
    /** Criteria resting on numbers that may be undercounted: the page marks them, and the health of rows they count in. */
    incompleteCriteria: z.array(z.enum(CRITERION_KEYS)),
  }),
  myProcessesOnly: z.boolean(),
  /** Rows, processes first (by key), the unlinked row last; filtered to the viewer's processes when asked. */
  rows: z.array(sprintHealthRowSchema),
  /** The whole sprint (all rows, whatever the filter). */
  totals: sprintHealthRowSchema.omit({ processKey: true, processName: true, isMine: true, trend: true }),
});

export const sprintHealthComputingSchema = z.object({
  status: z.literal('computing'),
  /** Poll `getSprintHealthProgress` with it (every 1–2 s). */
  jobId: z.string(),
  progress: progressSchema,
  /** Set when an earlier run stopped before finishing (timed out, out of memory, never started) and this one replaced it (ISO). */
  restartedAt: z.string().nullable(),
});

export const sprintHealthFailedSchema = z.object({
  status: z.literal('failed'),
  jobId: z.string(),
  error: resolverErrorSchema,
});

export const sprintHealthViewSchema = z.discriminatedUnion('status', [
  sprintHealthReadySchema,
  sprintHealthComputingSchema,
  sprintHealthFailedSchema,
]);
export type SprintHealthView = z.infer<typeof sprintHealthViewSchema>;

export const drillDownIssueSchema = z.object({
  issueId: z.string(),
  key: z.string(),
  summary: z.string(),
  /** Current status, read now as the viewer. */
  statusName: z.string(),
  /** Whether it counts towards the number; when not, `reason` says why. */
  counted: z.boolean(),
  reasonCode: z.string(),
  /** The reason in plain words, times in the viewer's time zone. */
  reason: z.string(),
});

export const healthSettingsRecordSchema = z.object({
  settings: healthSettingsSchema,
  /** 0: the defaults, never saved. Send it back as `expectedVersion`. */
  version: z.number().int().min(0),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type HealthSettingsRecord = z.infer<typeof healthSettingsRecordSchema>;

const statusOptionSchema = z.object({ id: z.string(), name: z.string(), category: z.enum(['new', 'indeterminate', 'done']) });

const timeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone.');

export const sprintHealthContract = {
  /** Project page, Sprint health tab: the project's scrum boards (as the viewer), the viewer's last choice, admin flag. */
  getSprintHealthSetup: {
    payload: z.object({}).strict(),
    result: z.object({
      project: z.object({ id: z.string(), key: z.string() }),
      boards: z.array(boardSchema),
      /** The board and sprint this viewer looked at last (on any project page of the site), or null. */
      lastChoice: z.object({ boardId: z.number(), sprintId: z.number() }).nullable(),
      isJiraAdmin: z.boolean(),
      /** Processes the viewer is APO or ASM of, for the "My processes" filter. */
      myProcessKeys: z.array(z.string()),
    }),
  },
  /** Active and closed sprints of a board, newest first (as the viewer). */
  listBoardSprints: {
    payload: z.object({ boardId: idSchema }).strict(),
    result: z.object({ sprints: z.array(sprintOptionSchema) }),
  },
  /**
   * Health of a sprint. Ready at once for a frozen (closed) sprint or a cached active one (refreshed
   * with one search); otherwise computed, continuing in the background when large (`computing`).
   * Also remembers the choice for the viewer. Jira's rate limits: RATE_LIMITED error with `retryAt`.
   */
  getSprintHealth: {
    payload: z.object({ boardId: idSchema, sprintId: idSchema, myProcessesOnly: z.boolean().default(false) }).strict(),
    result: sprintHealthViewSchema,
  },
  /** Poll a background computation; `ready` once the result is stored. */
  getSprintHealthProgress: {
    payload: z.object({ jobId: jobIdSchema, myProcessesOnly: z.boolean().default(false) }).strict(),
    result: sprintHealthViewSchema,
  },
  /**
   * The issues behind one number of one row, re-read as the viewer (one search for key, summary,
   * status): issues the viewer cannot browse are left out and counted in `hiddenCount`.
   */
  getSprintHealthDrillDown: {
    payload: z
      .object({
        sprintId: idSchema,
        /** null: the unlinked row. Omitted: the whole sprint (totals). */
        processKey: z.string().max(10).nullable().optional(),
        metric: drillDownKeySchema,
        /** IANA zone for the reasons' times; default: the context's time zone, else UTC. */
        timeZone: timeZoneSchema.optional(),
      })
      .strict(),
    result: z.object({
      sprintId: z.number(),
      processKey: z.string().nullable(),
      metric: drillDownKeySchema,
      issues: z.array(drillDownIssueSchema),
      /** Issues of this drill-down the viewer may not browse (or that were deleted): not listed. */
      hiddenCount: z.number(),
      /** "2 issues hidden because you can't browse them", or null. */
      hiddenMessage: z.string().nullable(),
      timeZone: z.string(),
    }),
  },
  /** Health settings, the statuses for the waiting / done pickers, and whether the viewer may change them. */
  getHealthSettings: {
    payload: z.object({}).strict(),
    result: z.object({
      record: healthSettingsRecordSchema,
      defaults: healthSettingsSchema,
      /** Jira administrators only (checked as the viewer). */
      canEdit: z.boolean(),
      statuses: z.array(statusOptionSchema),
      /** Statuses whose names suggest waiting; a starting point the admin confirms. */
      suggestedWaitingStatusIds: z.array(z.string()),
    }),
  },
  /**
   * Admin only: the given sprint's stored result scored under `settings` (nothing saved, no Jira
   * read for the numbers). Status changes (waiting / done) recompute from the stored inputs of an
   * active sprint; for a frozen sprint only the scoring changes (`mode: 'rescored'`).
   * Invalid settings: INVALID_INPUT with `fields` like `settings.criteria.2.threshold`.
   */
  previewHealthSettings: {
    payload: z.object({ settings: healthSettingsSchema, sprintId: idSchema.nullable().default(null) }).strict(),
    result: z.object({
      sprintId: z.number().nullable(),
      /** none: no stored result for that sprint yet (open its health first). */
      mode: z.enum(['recomputed', 'rescored', 'none']),
      rows: z.array(
        z.object({
          processKey: z.string().nullable(),
          processName: z.string().nullable(),
          current: healthSchema,
          preview: healthSchema,
          criteria: z.array(criterionResultSchema),
          /** The current / previewed score rests on incomplete data (the page marks it "incomplete data", as the lozenge). */
          currentIncompleteData: z.boolean(),
          previewIncompleteData: z.boolean(),
        }),
      ),
      totals: z
        .object({ current: healthSchema, preview: healthSchema, currentIncompleteData: z.boolean(), previewIncompleteData: z.boolean() })
        .nullable(),
    }),
  },
  /** Admin only. `expectedVersion` from `getHealthSettings` (0 for the defaults). */
  saveHealthSettings: {
    payload: z.object({ settings: healthSettingsSchema, expectedVersion: z.number().int().min(0) }).strict(),
    result: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('saved'), record: healthSettingsRecordSchema }),
      /** Someone saved first: their values, so the form can compare. */
      z.object({ outcome: z.literal('conflict'), current: healthSettingsRecordSchema }),
    ]),
  },
} as const;
