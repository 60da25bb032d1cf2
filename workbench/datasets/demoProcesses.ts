import type { Random } from './random';
import type { ThemeKey } from './issueText';

/**
 * Which demo process owns which work. The Jira side only carries what Jira would (components and
 * labels); the demo story (workbench/demo/) reads the same telling components and labels to decide who
 * links what, so the dataset and the story can never disagree. Network work stays unlinked on purpose:
 * it is what "Suggest links" and the "Unlinked work" row are for.
 */

export type DemoProcessKey = 'INC' | 'MIM' | 'PRB' | 'CHG' | 'REL' | 'ONB' | 'ACC' | 'PUR';

/** The active processes that get work in every sprint, in the order the dataset hands it out. */
export const DEMO_ACTIVE_PROCESSES: readonly DemoProcessKey[] = ['INC', 'MIM', 'PRB', 'CHG', 'REL', 'ONB', 'ACC', 'PUR'];

/** A label that moves work from its theme's main process to a neighbour (never added by random edits). */
export const DEMO_MARKER_LABELS: Readonly<Record<string, { processKey: DemoProcessKey; theme: ThemeKey }>> = {
  'major-incident': { processKey: 'MIM', theme: 'incident' },
  problem: { processKey: 'PRB', theme: 'incident' },
  release: { processKey: 'REL', theme: 'change' },
  'access-request': { processKey: 'ACC', theme: 'onboarding' },
};

const THEME_OF_COMPONENT: Readonly<Record<string, ThemeKey>> = {
  'Service Desk': 'incident',
  Change: 'change',
  Onboarding: 'onboarding',
  Procurement: 'purchasing',
  Network: 'network',
};

const MAIN_PROCESS: Readonly<Record<ThemeKey, DemoProcessKey | null>> = {
  incident: 'INC',
  change: 'CHG',
  onboarding: 'ONB',
  purchasing: 'PUR',
  network: null,
};

/** Each theme's processes with their share of its work. */
const PROCESS_SHARES: Readonly<Record<ThemeKey, Array<[DemoProcessKey | null, number]>>> = {
  incident: [
    ['INC', 0.6],
    ['MIM', 0.2],
    ['PRB', 0.2],
  ],
  change: [
    ['CHG', 0.7],
    ['REL', 0.3],
  ],
  onboarding: [
    ['ONB', 0.65],
    ['ACC', 0.35],
  ],
  purchasing: [['PUR', 1]],
  network: [[null, 1]],
};

export function themeOfProcess(processKey: DemoProcessKey): ThemeKey {
  const marker = Object.values(DEMO_MARKER_LABELS).find((entry) => entry.processKey === processKey);
  if (marker) return marker.theme;
  return (Object.keys(MAIN_PROCESS) as ThemeKey[]).find((theme) => MAIN_PROCESS[theme] === processKey) as ThemeKey;
}

export function markerLabelOf(processKey: DemoProcessKey | null): string | null {
  return Object.entries(DEMO_MARKER_LABELS).find(([, entry]) => entry.processKey === processKey)?.[0] ?? null;
}

export function pickProcess(rng: Random, theme: ThemeKey): DemoProcessKey | null {
  const r = rng.next();
  let sum = 0;
  for (const [key, share] of PROCESS_SHARES[theme]) {
    sum += share;
    if (r < sum) return key;
  }
  return PROCESS_SHARES[theme][0]?.[0] ?? null;
}

/** The process a demo issue belongs to, from its component and labels; null: deliberately unlinked. */
export function demoProcessFor(issue: { components: readonly string[]; labels: readonly string[] }): DemoProcessKey | null {
  const theme = issue.components.map((name) => THEME_OF_COMPONENT[name]).find((found) => found !== undefined);
  if (!theme) return null;
  const marker = issue.labels.map((label) => DEMO_MARKER_LABELS[label]).find((entry) => entry !== undefined && entry.theme === theme);
  return marker?.processKey ?? MAIN_PROCESS[theme];
}
