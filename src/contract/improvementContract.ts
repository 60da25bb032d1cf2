import { z } from 'zod';
import { kpiSchema, dodItemSchema, processKeySchema } from '../domain/catalog/catalogSchemas';
import {
  dodCheckSchema,
  improvementOutcomeSchema,
  improvementOutcomeValueSchema,
  improvementPropertySchema,
  improvementScaleSchema,
} from '../domain/improvements/improvementProperty';
import { reviewHistoryEntrySchema, sprintReviewSchema, type ReviewHistoryEntry, type SprintReview } from '../domain/review/reviewSchemas';
import { userSummarySchema } from './catalogContract';
import { sprintOptionSchema } from './sprintHealthContract';

/**
 * Improvements: the Process Improvement issue type, improvement stories, the process backlog and the
 * sprint review. Project and issue come from the invocation context (`extension.project` /
 * `extension.issue`), never from a payload. Issue ids that do appear in payloads (backlog order,
 * story outcomes in a review) are checked against what the viewer's own JQL search returns.
 */

const text = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `${label} can be at most ${max} characters.`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label} can be at most ${max} characters.`);
const finiteNumber = (label: string) => z.number({ message: `${label} must be a number.` }).finite(`${label} must be a number.`);
const issueIdSchema = z.string().regex(/^\d{1,18}$/, 'Not an issue id.');
const sprintIdSchema = z.number().int().positive();

// --- shared result pieces ------------------------------------------------------------------------

export const projectStyleSchema = z.enum(['company-managed', 'team-managed']);

/** A process as the create form and the review need it: its KPIs (for the measure) and its DoD. */
export const improvementProcessSchema = z.object({
  key: z.string(),
  name: z.string(),
  status: z.enum(['draft', 'active']),
  valueStreamKey: z.string().nullable(),
  apoAccountId: z.string(),
  asmAccountId: z.string().nullable(),
  kpis: z.array(kpiSchema),
  definitionOfDone: z.array(dodItemSchema),
});

export const improvementSetupSchema = z.object({
  project: z.object({ id: z.string(), key: z.string(), name: z.string(), style: projectStyleSchema }),
  /** The site's "Process Improvement" issue type; null until the install trigger (or an admin's enable) created it. */
  issueType: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** What went wrong creating the type, e.g. a name collision with an unrelated type; null when nothing did. */
  issueTypeProblem: z.string().nullable(),
  /**
   * How improvement stories are made in this project: `issue-type` (the type is in the project),
   * `property` (any story marked by the app's property: team-managed, or not enabled yet).
   */
  mode: z.enum(['issue-type', 'property']),
  /** The issue type new stories get in this project (the improvement type, or the fallback story type). */
  storyIssueType: z.object({ id: z.string(), name: z.string() }).nullable(),
  enabledInProject: z.boolean(),
  /** The viewer may press "Enable for this project" (Jira admin, company-managed, not yet enabled). */
  canEnable: z.boolean(),
  /** Why the button is missing or disabled, in one sentence; null when `canEnable`. */
  enableReason: z.string().nullable(),
  /** Team-managed projects: the steps an admin takes in Jira (no public API exists for them). Null otherwise. */
  teamManagedSteps: z.array(z.string()).nullable(),
  /** The viewer may create issues in this project (Jira's CREATE_ISSUES). */
  canCreate: z.boolean(),
  /** Processes offered for a new story (retired ones never are). */
  processes: z.array(improvementProcessSchema),
});
export type ImprovementSetup = z.infer<typeof improvementSetupSchema>;

/** A DoD line as the panel shows it: the stored tick merged with the process's current checklist. */
export const dodLineSchema = dodCheckSchema;

/**
 * The issue property checked against the app's own record: `verified`, `changed-outside` (someone edited the
 * property through Jira's REST API: the record is shown, `propertySays` is only the claim) or `unverified`
 * (no record: written before Process Loop kept one, so nobody is credited).
 */
export const recordCheckSchema = z.object({
  state: z.enum(['verified', 'changed-outside', 'unverified']),
  changed: z.array(z.enum(['outcome', 'dod'])),
  propertySays: z.object({ outcome: improvementOutcomeSchema.nullable(), dodDoneItemIds: z.array(z.string()) }).nullable(),
});
export type RecordCheck = z.infer<typeof recordCheckSchema>;

/** An outcome as shown: `by`/`at` null when nobody can be credited with it. */
export const shownOutcomeSchema = z.object({
  value: improvementOutcomeValueSchema,
  note: z.string(),
  by: z.string().nullable(),
  at: z.string().nullable(),
});

export const issueImprovementSchema = z.object({
  issue: z.object({ id: z.string(), key: z.string(), summary: z.string(), issueTypeName: z.string() }),
  /** The improvement fields, with outcome and DoD ticks as the app recorded them; null when the issue is not an improvement story. */
  improvement: improvementPropertySchema.nullable(),
  /** The outcome to show (the app's record). */
  outcome: shownOutcomeSchema.nullable(),
  record: recordCheckSchema,
  /** Issue type is "Process Improvement" but the app's property is missing (created outside the app). */
  isImprovementTypeWithoutDetails: z.boolean(),
  process: improvementProcessSchema.nullable(),
  /** The stored ticks merged with the process's current DoD (new items unticked, removed ones kept if ticked). */
  dod: z.array(dodLineSchema),
  dodProgress: z.object({ done: z.number(), total: z.number() }),
  /** Names of whoever ticked or recorded an outcome, and the process's APO/ASM. */
  users: z.array(userSummarySchema),
  /** Jira's EDIT_ISSUES on this issue: ticking the DoD. */
  canEdit: z.boolean(),
  /** EDIT_ISSUES and (Jira admin, or the process's APO or ASM). */
  canRecordOutcome: z.boolean(),
  readOnlyReason: z.string().nullable(),
});
export type IssueImprovement = z.infer<typeof issueImprovementSchema>;

export const statusCategorySchema = z.enum(['new', 'indeterminate', 'done']);

export const backlogStorySchema = z.object({
  issueId: z.string(),
  issueKey: z.string(),
  summary: z.string(),
  projectKey: z.string().nullable(),
  status: z.object({ name: z.string(), category: statusCategorySchema }),
  /** The issue's latest sprint (active or future first, else the last closed one); null when never in a sprint. */
  sprint: z.object({ id: z.number(), name: z.string(), state: z.enum(['future', 'active', 'closed']) }).nullable(),
  assignee: userSummarySchema.nullable(),
  created: z.string(),
  benefit: z.number(),
  cost: z.number(),
  score: z.number(),
  dodProgress: z.object({ done: z.number(), total: z.number() }),
  hasMeasure: z.boolean(),
  /** As the app recorded it. */
  outcome: improvementOutcomeValueSchema.nullable(),
  /** The issue property disagrees with the app's record (edited through Jira's REST API): the record is shown. */
  changedOutside: z.boolean(),
  /** Highlights: no measure; done without an outcome. */
  flags: z.array(z.enum(['missing-measure', 'done-without-outcome'])),
});
export type BacklogStory = z.infer<typeof backlogStorySchema>;

export const backlogGroupSchema = z.object({
  processKey: z.string(),
  processName: z.string(),
  valueStreamKey: z.string().nullable(),
  /** Ordered: the APO's manual order when there is one (new stories after it, by score), else benefit ÷ cost desc, older first on ties. */
  stories: z.array(backlogStorySchema),
  order: z.object({
    kind: z.enum(['score', 'manual']),
    /** Pass back as `expectedVersion` to `reorderProcessBacklog`; null when never re-ordered. */
    version: z.number().int().positive().nullable(),
  }),
  canReorder: z.boolean(),
  /** No improvement story of this process was in any of the project's last three sprints. */
  noImprovementInLastSprints: z.boolean(),
});
export type BacklogGroup = z.infer<typeof backlogGroupSchema>;

export const reviewSprintSchema = sprintOptionSchema.omit({ completeDate: true });

// The review and its history are the domain's shapes (one declaration); these names are what the UI imports.
export const sprintReviewRecordSchema = sprintReviewSchema;
export type SprintReviewRecord = SprintReview;
export const sprintReviewHistoryEntrySchema = reviewHistoryEntrySchema;
export type SprintReviewHistoryEntry = ReviewHistoryEntry;

export const sprintReviewViewSchema = z.object({
  process: improvementProcessSchema,
  sprint: reviewSprintSchema,
  /** Sprints of the project's scrum boards, newest first, for the picker. */
  sprints: z.array(reviewSprintSchema),
  /** The review as the viewer may see it: outcomes on issues they cannot browse are left out (here and in `history`). */
  review: sprintReviewRecordSchema.nullable(),
  /** How many of the review's outcomes are on issues the viewer cannot browse: kept as they are when the viewer saves. */
  hiddenOutcomeCount: z.number().int().min(0),
  history: z.array(sprintReviewHistoryEntrySchema),
  /** Improvement stories of the process that are done and were in this sprint, with their current outcome. */
  doneStories: z.array(
    z.object({
      issueId: z.string(),
      issueKey: z.string(),
      summary: z.string(),
      /** As the app recorded it. */
      outcome: improvementOutcomeSchema.nullable(),
      /** The issue property says something else (edited through Jira's REST API). */
      changedOutside: z.boolean(),
    }),
  ),
  users: z.array(userSummarySchema),
  /** Jira admin, or the process's APO or ASM. */
  canEdit: z.boolean(),
  readOnlyReason: z.string().nullable(),
  /** The sprint is closed: saving still works, and every change is kept in `history`. */
  sprintClosed: z.boolean(),
});
export type SprintReviewView = z.infer<typeof sprintReviewViewSchema>;

// --- payload pieces -------------------------------------------------------------------------------

export const improvementStoryInputSchema = z
  .object({
    processKey: processKeySchema,
    userStory: z
      .object({
        asA: text('"As a"', 200),
        iWant: text('"I want"', 400),
        soThat: text('"So that"', 400),
      })
      .strict(),
    hypothesis: z
      .object({
        change: text('"We believe"', 1000),
        outcome: text('"Will give"', 1000),
      })
      .strict(),
    /** Null: no measure yet (allowed, but the backlog highlights it). */
    measure: z
      .object({
        kpiId: z.string().trim().min(1).max(64).nullable().default(null),
        description: text('Measure', 500),
        baseline: finiteNumber('The baseline'),
        target: finiteNumber('The target'),
        /** Ignored when `kpiId` is given: the KPI's own unit is used. */
        unit: optionalText('Unit', 24).default(''),
      })
      .strict()
      .nullable()
      .default(null),
    benefit: improvementScaleSchema,
    cost: improvementScaleSchema,
  })
  .strict();
export type ImprovementStoryInput = z.infer<typeof improvementStoryInputSchema>;

const backlogFilterSchema = z
  .object({
    processKey: processKeySchema.nullable().default(null),
    valueStreamKey: z.string().trim().toUpperCase().max(10).nullable().default(null),
    statusCategory: statusCategorySchema.nullable().default(null),
  })
  .strict();

export const improvementContract = {
  /** Project page and issue panel: issue type state for this project, what the viewer may do, the processes. */
  getImprovementSetup: {
    payload: z.object({}).strict(),
    result: improvementSetupSchema,
  },
  /**
   * Project page, Jira admins: company-managed → the type is added to the project's issue type
   * scheme (created first if missing); team-managed → nothing changes, `outcome: 'instructions'`.
   * Non-admins get FORBIDDEN.
   */
  enableImprovementsForProject: {
    payload: z.object({}).strict(),
    result: z.object({
      outcome: z.enum(['enabled', 'already-enabled', 'instructions']),
      setup: improvementSetupSchema,
    }),
  },
  /**
   * Project page or issue panel: creates the story as the viewer in the context's project, then
   * writes the improvement property and the process link. `partial`: the issue exists but a
   * later step failed; `failedStep` and `message` say which, nothing is rolled back silently.
   */
  createImprovementStory: {
    payload: improvementStoryInputSchema,
    result: z.discriminatedUnion('outcome', [
      z.object({
        outcome: z.literal('created'),
        issue: z.object({ id: z.string(), key: z.string() }),
        improvement: improvementPropertySchema,
      }),
      z.object({
        outcome: z.literal('partial'),
        issue: z.object({ id: z.string(), key: z.string() }),
        failedStep: z.enum(['improvement-property', 'process-link']),
        message: z.string(),
      }),
    ]),
  },
  /** Issue panel: the improvement on the context's issue (or `improvement: null`). */
  getIssueImprovement: {
    payload: z.object({}).strict(),
    result: issueImprovementSchema,
  },
  /** Issue panel: tick or untick one DoD item (who and when are recorded; unticking clears them). */
  toggleImprovementDod: {
    payload: z.object({ itemId: z.string().trim().min(1).max(64), done: z.boolean() }).strict(),
    result: issueImprovementSchema,
  },
  /** Issue panel: record (or with `outcome: null`, clear) the review outcome. APO/ASM/admin with edit permission. */
  recordImprovementOutcome: {
    payload: z
      .object({
        outcome: z
          .object({ value: improvementOutcomeValueSchema, note: optionalText('Note', 2000).default('') })
          .strict()
          .nullable(),
      })
      .strict(),
    result: issueImprovementSchema,
  },
  /** Project page, Backlog tab: improvement stories the viewer can see, grouped per process, with highlights. */
  getProcessBacklog: {
    payload: backlogFilterSchema,
    result: z.object({
      groups: z.array(backlogGroupSchema),
      highlights: z.object({
        missingMeasure: z.array(z.object({ issueKey: z.string(), processKey: z.string() })),
        doneWithoutOutcome: z.array(z.object({ issueKey: z.string(), processKey: z.string() })),
        /** Active processes with no improvement story in any of the project's last three sprints. */
        processesWithoutRecentImprovement: z.array(z.string()),
      }),
      /** The last (up to) three sprints the highlight looked at, newest first. */
      recentSprints: z.array(reviewSprintSchema),
      /** For the filters. */
      processes: z.array(z.object({ key: z.string(), name: z.string(), valueStreamKey: z.string().nullable() })),
      valueStreams: z.array(z.object({ key: z.string(), name: z.string() })),
    }),
  },
  /**
   * Backlog: the APO's (or an admin's) manual order for one process. `issueIds` lists the stories
   * top first; unknown ids are refused, stories left out keep their score order after the listed ones.
   */
  reorderProcessBacklog: {
    payload: z
      .object({
        processKey: processKeySchema,
        issueIds: z
          .array(issueIdSchema)
          .max(500)
          .refine((ids) => new Set(ids).size === ids.length, 'An issue can appear only once.'),
        expectedVersion: z.number().int().positive().nullable(),
      })
      .strict(),
    result: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('saved'), group: backlogGroupSchema }),
      /** Someone re-ordered first: their order, to show before trying again. */
      z.object({ outcome: z.literal('conflict'), group: backlogGroupSchema }),
    ]),
  },
  /** Project page, Review tab: one process's review of one sprint (`sprintId: null`: the active sprint, else the latest closed). */
  getSprintReview: {
    payload: z.object({ processKey: processKeySchema, sprintId: sprintIdSchema.nullable().default(null) }).strict(),
    result: sprintReviewViewSchema,
  },
  /**
   * APO, ASM or Jira admin. KPI readings: one per KPI of the process, validated against the KPI's
   * unit (`kpiReadings.<i>.value`). Story outcomes are also written to each issue (as the viewer).
   */
  saveSprintReview: {
    payload: z
      .object({
        processKey: processKeySchema,
        sprintId: sprintIdSchema,
        achieved: optionalText('What was achieved', 5000).default(''),
        next: optionalText('What next', 5000).default(''),
        kpiReadings: z
          .array(z.object({ kpiId: z.string().trim().min(1).max(64), value: finiteNumber('The reading') }).strict())
          .max(20)
          .default([]),
        storyOutcomes: z
          .array(
            z
              .object({ issueId: issueIdSchema, value: improvementOutcomeValueSchema, note: optionalText('Note', 2000).default('') })
              .strict(),
          )
          .max(200)
          .default([]),
        expectedVersion: z.number().int().positive().nullable(),
      })
      .strict(),
    result: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('saved'), view: sprintReviewViewSchema }),
      z.object({ outcome: z.literal('conflict'), view: sprintReviewViewSchema }),
    ]),
  },
  /** A process's reviews (and stored sprint-health history when present) as CSV, RFC 4180 quoted. */
  exportProcessReviewsCsv: {
    payload: z.object({ processKey: processKeySchema }).strict(),
    result: z.object({ filename: z.string(), csv: z.string() }),
  },
} as const;
