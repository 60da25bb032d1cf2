import type { Kpi, Process } from '../catalog/catalogSchemas';
import { DomainError } from '../errors';
import type { DodCheck, ImprovementOutcome, ImprovementOutcomeValue, ImprovementProperty, Measure } from './improvementProperty';
import { kpiValueProblem } from '../review/kpiUnits';

/** Jira refuses summaries over 255 characters. */
const SUMMARY_MAX = 255;

export interface StoryInput {
  processKey: string;
  userStory: { asA: string; iWant: string; soThat: string };
  hypothesis: { change: string; outcome: string };
  measure: { kpiId: string | null; description: string; baseline: number; target: number; unit: string } | null;
  benefit: number;
  cost: number;
}

/** "As a … I want … so that …", cut to what Jira accepts (the full text stays in the property). */
export function storySummary(story: StoryInput['userStory']): string {
  const summary = `As a ${story.asA} I want ${story.iWant} so that ${story.soThat}`;
  return summary.length <= SUMMARY_MAX ? summary : `${summary.slice(0, SUMMARY_MAX - 1)}…`;
}

export const scoreOf = (benefit: number, cost: number): number => Math.round((benefit / cost) * 100) / 100;

/** The measure as stored: a KPI's unit wins over a typed one; baseline and target must fit the unit. */
function resolveMeasure(measure: StoryInput['measure'], kpis: Kpi[]): Measure | null {
  if (!measure) return null;
  let unit = measure.unit;
  if (measure.kpiId !== null) {
    const kpi = kpis.find((candidate) => candidate.id === measure.kpiId);
    if (!kpi)
      throw new DomainError('invalid', 'That KPI is not one of the process’s KPIs.', {
        fields: { 'measure.kpiId': 'Pick one of the process’s KPIs, or none.' },
      });
    unit = kpi.unit;
  }
  const fields: Record<string, string> = {};
  for (const which of ['baseline', 'target'] as const) {
    const problem = kpiValueProblem(unit, measure[which]);
    if (problem) fields[`measure.${which}`] = problem;
  }
  if (Object.keys(fields).length) throw new DomainError('invalid', 'The measure does not fit its unit.', { fields });
  return { kpiId: measure.kpiId, description: measure.description, baseline: measure.baseline, target: measure.target, unit };
}

/** The property of a new story: the process's DoD is copied as an unticked checklist. */
export function buildImprovementProperty(input: StoryInput, process: Process, createdBy: string, now: Date): ImprovementProperty {
  if (process.status === 'retired') {
    throw new DomainError('invalid', `${process.key} is retired and cannot receive new work.`, {
      fields: { processKey: 'Pick a process that is not retired.' },
    });
  }
  return {
    schemaVersion: 1,
    processKey: process.key,
    userStory: input.userStory,
    hypothesis: input.hypothesis,
    measure: resolveMeasure(input.measure, process.kpis),
    benefit: input.benefit,
    cost: input.cost,
    score: scoreOf(input.benefit, input.cost),
    dod: process.definitionOfDone.map((item) => ({ itemId: item.id, text: item.text, done: false, doneBy: null, doneAt: null })),
    outcome: null,
    createdBy,
    createdAt: now.toISOString(),
  };
}

const paragraph = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
const heading = (text: string) => ({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text }] });

/** The issue's description: the same facts in words, for people reading the issue outside the app. */
export function storyDescription(property: ImprovementProperty, processName: string) {
  const measure = property.measure;
  return {
    type: 'doc' as const,
    version: 1 as const,
    content: [
      paragraph(`Improvement of process ${property.processKey} (${processName}).`),
      heading('Hypothesis'),
      paragraph(`We believe ${property.hypothesis.change} will give ${property.hypothesis.outcome}.`),
      heading('Measure'),
      paragraph(
        measure
          ? `${measure.description}: from ${measure.baseline} to ${measure.target}${measure.unit ? ` ${measure.unit}` : ''}.`
          : 'No measure yet.',
      ),
      paragraph(`Benefit ${property.benefit}/5, cost ${property.cost}/5.`),
    ],
  };
}

/**
 * The checklist the panel shows: the process's current items in its order (ticks kept by id),
 * then items since removed from the process that were ticked (history is not hidden).
 */
export function mergeDod(stored: DodCheck[], processDod: Process['definitionOfDone'] | null): DodCheck[] {
  if (!processDod) return stored;
  const byId = new Map(stored.map((check) => [check.itemId, check]));
  const current = processDod.map((item) => {
    const check = byId.get(item.id);
    return check ? { ...check, text: item.text } : { itemId: item.id, text: item.text, done: false, doneBy: null, doneAt: null };
  });
  const ids = new Set(processDod.map((item) => item.id));
  return [...current, ...stored.filter((check) => !ids.has(check.itemId) && check.done)];
}

export function tickDod(
  property: ImprovementProperty,
  processDod: Process['definitionOfDone'] | null,
  itemId: string,
  done: boolean,
  by: string,
  now: Date,
): ImprovementProperty {
  const merged = mergeDod(property.dod, processDod);
  if (!merged.some((check) => check.itemId === itemId)) {
    throw new DomainError('invalid', 'That checklist item is not part of the Definition of Done.', {
      fields: { itemId: 'Pick an item of the checklist.' },
    });
  }
  const dod = merged.map((check) => {
    if (check.itemId !== itemId || check.done === done) return check;
    return done ? { ...check, done: true, doneBy: by, doneAt: now.toISOString() } : { ...check, done: false, doneBy: null, doneAt: null };
  });
  return { ...property, dod };
}

export function dodProgress(dod: DodCheck[]): { done: number; total: number } {
  return { done: dod.filter((check) => check.done).length, total: dod.length };
}

export function withOutcome(
  property: ImprovementProperty,
  outcome: { value: ImprovementOutcomeValue; note: string } | null,
  by: string,
  now: Date,
): ImprovementProperty {
  const recorded: ImprovementOutcome | null = outcome ? { value: outcome.value, note: outcome.note, by, at: now.toISOString() } : null;
  return { ...property, outcome: recorded };
}
