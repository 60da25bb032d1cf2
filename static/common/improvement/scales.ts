/** Benefit and cost on the 1–5 scale the backend stores; words an APO judges without estimating. */
export const scaleValues = [1, 2, 3, 4, 5] as const;
export type ScaleValue = (typeof scaleValues)[number];

export const benefitLabels: Record<ScaleValue, string> = {
  1: 'Very low',
  2: 'Low',
  3: 'Medium',
  4: 'High',
  5: 'Very high',
};

export const costLabels: Record<ScaleValue, string> = {
  1: 'Very small (hours)',
  2: 'Small (a day or two)',
  3: 'Medium (within a sprint)',
  4: 'Large (most of a sprint)',
  5: 'Very large (more than a sprint)',
};

export function scaleLabel(kind: 'benefit' | 'cost', value: number): string {
  const labels = kind === 'benefit' ? benefitLabels : costLabels;
  return labels[value as ScaleValue] ?? String(value);
}

/** benefit ÷ cost as people read it: "2.5". */
export function formatScore(score: number): string {
  return score.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
