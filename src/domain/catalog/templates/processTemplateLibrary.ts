import { z } from 'zod';
import { kpiSchema } from '../catalogSchemas';
import library from './templateLibraryContent.json';
import {
  candidates,
  checklist,
  kpi,
  slug,
  step,
  templateHeadingSchema,
  type ProcessTemplate,
  type ValueStreamTemplate,
} from './processTemplates';

/**
 * The library: five value streams and the practices that sit in them. Content a service manager
 * would recognise (ITIL 4 practice names), meant as a starting point the APO adapts, not a standard:
 * targets are common first targets, RACI parties are roles to be replaced by people.
 *
 * The content is data (`templateLibraryContent.json`, written as a person would: names, not ids);
 * this module checks it and gives every item the stable id its text implies.
 */

const roles = z.array(z.string().min(1)).default([]);
const authoredLibrarySchema = z
  .object({
    valueStreams: z.array(z.object({ key: z.string(), name: z.string(), description: z.string(), stages: z.array(z.string()) }).strict()),
    processes: z.array(
      templateHeadingSchema
        .extend({
          stageId: z.string(),
          kpis: z.array(kpiSchema.omit({ id: true })),
          raci: z.array(
            z
              .object({
                step: z.string(),
                when: z.string(),
                responsible: roles,
                accountable: z.string(),
                consulted: roles,
                informed: roles,
              })
              .strict(),
          ),
          definitionOfDone: z.array(z.string()),
          automationCandidates: z.array(z.string()),
        })
        .strict(),
    ),
  })
  .strict();

const authored = authoredLibrarySchema.parse(library);

export const valueStreamTemplates: readonly ValueStreamTemplate[] = authored.valueStreams.map((stream) => ({
  ...stream,
  stages: stream.stages.map((name) => ({ id: slug(name), name })),
}));

export const processTemplates: readonly ProcessTemplate[] = authored.processes.map((template) => ({
  ...template,
  kpis: template.kpis.map((item) => kpi(item.name, item.unit, item.direction, item.target)),
  raci: template.raci.map((item) => step(item.step, item.when, item.responsible, item.accountable, item.consulted, item.informed)),
  definitionOfDone: checklist(template.definitionOfDone),
  automationCandidates: candidates(template.automationCandidates),
}));
