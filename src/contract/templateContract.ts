import { z } from 'zod';
import {
  automationCandidateSchema,
  dodItemSchema,
  kpiSchema,
  raciStepSchema,
  valueStreamStageSchema,
} from '../domain/catalog/catalogSchemas';
import { templateHeadingSchema } from '../domain/catalog/templates/processTemplates';

/**
 * Process templates for an empty (or growing) catalog. Only the library is read here: creating from
 * a template is the normal `saveValueStream` / `saveProcess` path, one call per record, so the same
 * permission, validation and conflict rules apply.
 */
/** `valueStreamKey` says where the process would land in this catalog (a same-key stream that exists already wins). */
export const processTemplateSchema = templateHeadingSchema.extend({
  /** Null when an existing stream of that key has no matching stage. */
  stageId: z.string().nullable(),
  /** The value stream has to be created first. */
  streamMissing: z.boolean(),
  kpis: z.array(kpiSchema),
  raci: z.array(raciStepSchema),
  definitionOfDone: z.array(dodItemSchema),
  automationCandidates: z.array(automationCandidateSchema),
  /** A process with this key exists: creating with it would be refused. */
  keyInUse: z.boolean(),
  /** Key of an existing process with the same name, if any. */
  nameUsedBy: z.string().nullable(),
  /** Whether the viewer may create this one (the rule of creating any process). */
  canCreate: z.boolean(),
});

export const templateContract = {
  getProcessTemplates: {
    payload: z.object({}).strict(),
    result: z.object({
      valueStreams: z.array(
        z.object({
          key: z.string(),
          name: z.string(),
          description: z.string(),
          stages: z.array(valueStreamStageSchema),
          exists: z.boolean(),
        }),
      ),
      templates: z.array(processTemplateSchema),
      usedProcessKeys: z.array(z.string()),
      viewer: z.object({ canCreateProcesses: z.boolean(), canCreateValueStreams: z.boolean(), whoCanCreate: z.string() }),
    }),
  },
} as const;
