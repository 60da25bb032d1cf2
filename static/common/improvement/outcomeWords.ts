import type { OutcomeValue } from './improvementTypes';

// Words only, apart from the lozenge component, so pure helpers (and their tests) need no React/CSS.

/** The three verdicts of a review, in the order the form offers them. */
export const outcomeValues: readonly OutcomeValue[] = ['confirmed', 'refuted', 'inconclusive'];

export const outcomeLabels: Record<OutcomeValue, string> = {
  confirmed: 'Confirmed',
  refuted: 'Refuted',
  inconclusive: 'Inconclusive',
};

export const outcomeHelp: Record<OutcomeValue, string> = {
  confirmed: 'The measure moved as the hypothesis expected.',
  refuted: 'The measure did not move, or moved the wrong way.',
  inconclusive: 'Too early or too noisy to tell.',
};
