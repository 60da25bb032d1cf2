import { z } from 'zod';
import { improvementStoryInputSchema } from '../contract/improvementContract';
import { processKeySchema } from '../domain/catalog/catalogSchemas';
import { ISSUE_KEY_PATTERN } from '../domain/catalog/issueKey';

/**
 * The inputs of each automation action, as the rule passes them (declared in manifest.yml under
 * `action.inputs`). Automation resolves smart values to strings, so numbers may arrive as text;
 * an empty optional field arrives as "" or not at all. Validated again at run time: the form's
 * checks protect the rule owner, these protect the app.
 */
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const numberFromText = (label: string) =>
  z.preprocess(
    (value) => {
      const blank = blankToUndefined(value);
      return typeof blank === 'string' ? Number(blank.replace(',', '.')) : blank;
    },
    z.number({ message: `${label} must be a number.` }).finite(`${label} must be a number.`),
  );
const issueKeySchema = z
  .string({ message: 'An issue key is required (for example {{issue.key}}).' })
  .trim()
  .toUpperCase()
  .regex(ISSUE_KEY_PATTERN, 'An issue key looks like ITSM-42 (use {{issue.key}} for the rule’s issue).');
const projectKeySchema = z
  .string({ message: 'A project key is required (for example {{project.key}}).' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{0,9}$/, 'A project key looks like ITSM (use {{project.key}} for the rule’s project).');
const requiredProcessKey = z.string({ message: 'A process key is required.' }).pipe(processKeySchema);

export const linkWorkItemInputSchema = z.object({
  issueKey: issueKeySchema,
  processKey: requiredProcessKey,
  stageId: optionalString(64),
});
export type LinkWorkItemInput = z.infer<typeof linkWorkItemInputSchema>;

/** Flat inputs (automation inputs are scalars) mapped onto the improvement story the app already knows. */
export const createImprovementStoryInputSchema = z
  .object({
    projectKey: projectKeySchema,
    processKey: requiredProcessKey,
    /** The story's summary: "I want …". */
    summary: z.string({ message: 'A summary is required.' }),
    /** "We believe <hypothesis> will improve <measure>". (Automation allows ten inputs: the rest of the story takes defaults.) */
    hypothesis: z.string({ message: 'A hypothesis is required.' }),
    /** How success is measured; with baseline and target numbers when given. */
    measure: optionalString(500),
    kpiId: optionalString(64),
    baseline: numberFromText('The baseline').optional(),
    target: numberFromText('The target').optional(),
    benefit: numberFromText('Benefit').optional(),
    cost: numberFromText('Cost').optional(),
  })
  .transform((input, ctx) => {
    const hasNumbers = input.baseline !== undefined && input.target !== undefined;
    if (input.measure && (input.baseline === undefined) !== (input.target === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [input.baseline === undefined ? 'baseline' : 'target'],
        message: 'Give both a baseline and a target, or neither.',
      });
    }
    const story = improvementStoryInputSchema.safeParse({
      processKey: input.processKey,
      userStory: { asA: 'team member', iWant: input.summary, soThat: `${input.processKey} improves` },
      hypothesis: { change: input.hypothesis, outcome: input.measure ? `a better ${input.measure}` : 'a measurable improvement' },
      measure:
        input.measure && hasNumbers
          ? { kpiId: input.kpiId ?? null, description: input.measure, baseline: input.baseline, target: input.target, unit: '' }
          : null,
      benefit: input.benefit ?? 3,
      cost: input.cost ?? 3,
    });
    if (!story.success) {
      // Report against the action's own input names, which the rule owner sees in the form.
      const names: Record<string, string> = {
        iWant: 'summary',
        change: 'hypothesis',
        outcome: 'measure',
        description: 'measure',
        kpiId: 'kpiId',
      };
      for (const issue of story.error.issues) {
        const last = String(issue.path[issue.path.length - 1] ?? '');
        ctx.addIssue({ code: 'custom', path: [names[last] ?? last], message: issue.message });
      }
      return z.NEVER;
    }
    return { projectKey: input.projectKey, story: story.data, measureGiven: !!input.measure };
  });
export type CreateImprovementStoryInput = z.output<typeof createImprovementStoryInputSchema>;

export const recordKpiReadingInputSchema = z.object({
  /** The project whose boards' sprints are meant (for the active sprint): usually {{project.key}}. */
  projectKey: projectKeySchema,
  processKey: requiredProcessKey,
  /** The KPI's id or its name, as the catalog shows it. */
  kpi: z.string({ message: 'A KPI is required.' }).trim().min(1, 'A KPI is required.').max(120),
  value: numberFromText('The value'),
  /** A sprint id; empty: the project's active sprint. */
  sprintId: z.preprocess(
    blankToUndefined,
    z.coerce.number().int('A sprint id is a whole number.').positive('A sprint id is a whole number.').optional(),
  ),
});
export type RecordKpiReadingInput = z.infer<typeof recordKpiReadingInputSchema>;

export { AUTOMATION_ACTION_KEYS, type AutomationActionKey } from '../contract/automationContract';

export const actionInputSchemas = {
  'link-work-item-to-process': linkWorkItemInputSchema,
  'create-process-improvement-story': createImprovementStoryInputSchema,
  'record-kpi-reading': recordKpiReadingInputSchema,
} as const;

/** `field → message` for a form, or a sentence for the audit log. */
export function inputProblems(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || 'inputs'] ??= issue.message;
  return fields;
}
