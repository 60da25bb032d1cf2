import Lozenge from '@atlaskit/lozenge/lozenge';
import type { OutcomeValue } from './improvementTypes';

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

const appearance = { confirmed: 'success', refuted: 'removed', inconclusive: 'moved' } as const;

export function OutcomeLozenge({ value, testId }: { value: OutcomeValue; testId?: string }) {
  return (
    <Lozenge appearance={appearance[value]} testId={testId}>
      {outcomeLabels[value]}
    </Lozenge>
  );
}
