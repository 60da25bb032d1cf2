import { z } from 'zod';
import issueThemesJson from './issueThemes.json';
import type { Random } from './random';
import type { DatasetIssue } from './datasetSchema';
import type { IssueKind } from './siteBasics';

import type { IssueRole } from './sprintSimulation';

/**
 * Realistic service-management work, by theme: what the summaries say and which component and labels
 * such work carries (auto-link rules map components and labels to processes).
 */

export const THEME_KEYS = ['incident', 'onboarding', 'purchasing', 'change', 'network'] as const;
export type ThemeKey = (typeof THEME_KEYS)[number];

const texts = z.array(z.string().min(1)).min(1);
const themeSchema = z
  .object({
    key: z.enum(THEME_KEYS),
    component: z.string(),
    labels: texts,
    epic: texts,
    // Every issue type may have its own summaries; story, task and bug are the fallbacks and must be there.
    summaries: z
      .object({
        story: texts,
        task: texts,
        bug: texts,
        risk: texts.optional(),
        techDebt: texts.optional(),
        subtask: texts.optional(),
        epic: texts.optional(),
      })
      .strict() satisfies z.ZodType<Partial<Record<IssueKind, string[]>>>,
  })
  .strict();
export type Theme = z.infer<typeof themeSchema>;

// The words are data (issueThemes.json): what each theme's summaries say, and the fillers for their {placeholders}.
const issueThemes = z
  .object({ fill: z.record(z.string(), texts), themes: z.array(themeSchema) })
  .strict()
  .parse(issueThemesJson);
const FILL = issueThemes.fill;
export const THEMES: readonly Theme[] = issueThemes.themes;

export function fillTemplate(rng: Random, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => rng.pick(FILL[name] ?? [name]));
}

export function summaryFor(rng: Random, theme: Theme, kind: IssueKind): string {
  const options = theme.summaries[kind] ?? theme.summaries.task;
  return fillTemplate(rng, rng.pick(options));
}

/** Issue types by why the issue was made: mid-sprint additions are mostly bugs and tasks. */
export function kindFor(rng: Random, role: IssueRole): IssueKind {
  const r = rng.next();
  if (role === 'added') return r < 0.45 ? 'bug' : r < 0.8 ? 'task' : r < 0.9 ? 'story' : 'risk';
  return r < 0.45 ? 'story' : r < 0.65 ? 'task' : r < 0.8 ? 'bug' : r < 0.92 ? 'techDebt' : 'risk';
}

export function priorityFor(rng: Random, kind: IssueKind): DatasetIssue['priority'] {
  const r = rng.next();
  if (kind === 'bug' || kind === 'risk') return r < 0.15 ? 'Highest' : r < 0.5 ? 'High' : r < 0.9 ? 'Medium' : 'Low';
  return r < 0.05 ? 'High' : r < 0.8 ? 'Medium' : r < 0.95 ? 'Low' : 'Lowest';
}
