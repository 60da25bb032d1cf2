import { z } from 'zod';

/**
 * The process catalog's entities, as the UI edits them and as they are stored. One definition
 * serves the resolver contract (payload and result types), the backend's validation and storage.
 * Pure: no `@forge` import.
 */

export const PROCESS_KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;
const entityKey = (what: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(PROCESS_KEY_PATTERN, `A ${what} key is 2–10 letters or digits, starting with a letter (for example INC).`);

export const processKeySchema = entityKey('process');
export const valueStreamKeySchema = entityKey('value stream');
export const accountIdSchema = z.string().trim().min(1, 'Pick a Jira user.').max(128);
const itemId = z.string().trim().min(1).max(64);
const requiredText = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `${label} can be at most ${max} characters.`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label} can be at most ${max} characters.`);

export const valueStreamStageSchema = z.object({ id: itemId, name: requiredText('Stage name', 80) });

export const valueStreamInputSchema = z
  .object({
    key: valueStreamKeySchema,
    name: requiredText('Name', 120),
    description: optionalText('Description', 2000).default(''),
    ownerAccountId: accountIdSchema,
    stages: z.array(valueStreamStageSchema).min(1, 'A value stream needs at least one stage.').max(20),
  })
  .strict()
  .superRefine((stream, ctx) => {
    const seen = new Set<string>();
    stream.stages.forEach((stage, index) => {
      const name = stage.name.toLowerCase();
      if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['stages', index, 'name'], message: 'Stage names must be unique.' });
      seen.add(name);
    });
    if (new Set(stream.stages.map((s) => s.id)).size !== stream.stages.length) {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'Stage ids must be unique.' });
    }
  });
export type ValueStreamInput = z.infer<typeof valueStreamInputSchema>;

export const kpiSchema = z
  .object({
    id: itemId,
    name: requiredText('KPI name', 120),
    unit: requiredText('Unit', 24),
    direction: z.enum(['higher', 'lower']),
    target: z.number({ message: 'The target must be a number.' }).finite(),
  })
  .strict();
export type Kpi = z.infer<typeof kpiSchema>;

/** Someone in a RACI cell: a Jira user, or a role in free text ("Service desk lead"). */
export const raciPartySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), accountId: accountIdSchema }).strict(),
  z.object({ kind: z.literal('role'), name: requiredText('Role', 80) }).strict(),
]);
export type RaciParty = z.infer<typeof raciPartySchema>;

export const raciStepSchema = z
  .object({
    id: itemId,
    step: requiredText('Step', 200),
    when: optionalText('When', 200).default(''),
    responsible: z.array(raciPartySchema).max(10).default([]),
    accountable: z.array(raciPartySchema).max(1, 'Exactly one party is accountable for a step.').default([]),
    consulted: z.array(raciPartySchema).max(10).default([]),
    informed: z.array(raciPartySchema).max(10).default([]),
  })
  .strict();
export type RaciStep = z.infer<typeof raciStepSchema>;

export const dodItemSchema = z.object({ id: itemId, text: requiredText('Checklist item', 300) }).strict();
export const automationCandidateSchema = z
  .object({ id: itemId, text: requiredText('Automation candidate', 300), done: z.boolean().default(false) })
  .strict();

export const processStatusSchema = z.enum(['draft', 'active', 'retired']);
export type ProcessStatus = z.infer<typeof processStatusSchema>;

/** What an editor sends; one field per question a process must keep answering (PRODUCT.md). */
export const processInputSchema = z
  .object({
    key: processKeySchema,
    name: requiredText('Name', 120),
    /** Why do we do this at all? */
    purpose: optionalText('Purpose', 2000).default(''),
    /** What is the current situation, would a change matter, and to whom? */
    currentSituation: optionalText('Current situation', 4000).default(''),
    apoAccountId: accountIdSchema,
    asmAccountId: accountIdSchema.nullable().default(null),
    valueStreamKey: valueStreamKeySchema.nullable().default(null),
    stageId: itemId.nullable().default(null),
    /** How do they know they are doing well? */
    kpis: z.array(kpiSchema).max(20).default([]),
    /** Who does what when? */
    raci: z.array(raciStepSchema).max(50).default([]),
    definitionOfDone: z.array(dodItemSchema).max(30).default([]),
    /** What could be automated? */
    automationCandidates: z.array(automationCandidateSchema).max(50).default([]),
    status: processStatusSchema.default('draft'),
  })
  .strict()
  .superRefine((process, ctx) => {
    if (process.stageId && !process.valueStreamKey) {
      ctx.addIssue({ code: 'custom', path: ['stageId'], message: 'Pick a value stream before a stage.' });
    }
    const kpiNames = new Set<string>();
    process.kpis.forEach((kpi, index) => {
      const name = kpi.name.toLowerCase();
      if (kpiNames.has(name)) ctx.addIssue({ code: 'custom', path: ['kpis', index, 'name'], message: 'KPI names must be unique.' });
      kpiNames.add(name);
    });
  });
export type ProcessInput = z.infer<typeof processInputSchema>;

const auditFields = {
  /** Increases by one on every save: the basis of conflict detection. */
  version: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
};

export const processSchema = z.object({
  key: z.string(),
  name: z.string(),
  purpose: z.string(),
  currentSituation: z.string(),
  apoAccountId: z.string(),
  asmAccountId: z.string().nullable(),
  valueStreamKey: z.string().nullable(),
  stageId: z.string().nullable(),
  kpis: z.array(kpiSchema),
  raci: z.array(raciStepSchema),
  definitionOfDone: z.array(dodItemSchema),
  automationCandidates: z.array(automationCandidateSchema),
  status: processStatusSchema,
  ...auditFields,
});
export type Process = z.infer<typeof processSchema>;

export const valueStreamSchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  ownerAccountId: z.string(),
  stages: z.array(valueStreamStageSchema),
  ...auditFields,
});
export type ValueStream = z.infer<typeof valueStreamSchema>;
