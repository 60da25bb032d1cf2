import { z } from 'zod';
import { DEMO_ACCOUNT_IDS } from '../datasets/siteBasics';
import demoImprovementsJson from './improvementStories.json';

/**
 * The improvement stories of the demo: at least one in every state (to do, in progress, done, won't do,
 * planned into the future sprint), with and without a measure, with all three outcomes and one done
 * without an outcome (the backlog highlights it). Sent through the app as their APO (or by an
 * automation rule); where the story then moves in Jira, a team member moves it as people do.
 */
const ids = DEMO_ACCOUNT_IDS;

const demoJiraStateSchema = z
  .object({
    sprint: z.union([z.number().int().min(0), z.enum(['active', 'future']), z.null()]),
    status: z.enum(['todo', 'inProgress', 'done', 'wontDo']),
  })
  .strict();
/** Where the story sits in Jira: the sprint (index of the closed ones, or active / future / none) and its status. */
export type DemoJiraState = z.infer<typeof demoJiraStateSchema>;

const demoImprovementSchema = z
  .object({
    id: z.string(),
    processKey: z.string(),
    /** Who creates it (a demo user's role); `action`: an automation rule run as this user. */
    by: z.enum(Object.keys(ids) as [keyof typeof ids]).transform((role) => ids[role]),
    via: z.enum(['resolver', 'action']),
    iWant: z.string(),
    soThat: z.string(),
    change: z.string(),
    outcome: z.string(),
    measure: z
      .object({ kpiId: z.string().nullable(), description: z.string(), baseline: z.number(), target: z.number(), unit: z.string() })
      .strict()
      .nullable(),
    benefit: z.number(),
    cost: z.number(),
    jira: demoJiraStateSchema,
    /** DoD items ticked (by the ASM, or a member when there is none). */
    dodTicked: z.array(z.string()),
    /** The review outcome: recorded in the sprint review of the story's sprint, or on the issue panel. */
    result: z
      .object({ value: z.enum(['confirmed', 'refuted', 'inconclusive']), note: z.string(), via: z.enum(['review', 'panel']) })
      .strict()
      .optional(),
  })
  .strict();
export type DemoImprovement = z.infer<typeof demoImprovementSchema>;

/** The stories themselves are data (improvementStories.json), as an APO would write them. */
export const DEMO_IMPROVEMENTS: readonly DemoImprovement[] = z.array(demoImprovementSchema).parse(demoImprovementsJson);

/** The APO's own order of the INC backlog (top first), not the benefit ÷ cost order. */
export const DEMO_INC_BACKLOG_ORDER = ['autoassign', 'slapause', 'kb', 'runbooks'];

/**
 * The story whose outcome a team member rewrites through Jira's REST API after the review (refuted → "confirmed by
 * the APO"), so the demo shows "Changed outside Process Loop" and the APO's real outcome.
 */
export const DEMO_TAMPERED_STORY = 'freeze';
