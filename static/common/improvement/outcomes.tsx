import Lozenge from '@atlaskit/lozenge/lozenge';
import type { OutcomeValue } from './improvementTypes';
import { outcomeLabels } from './outcomeWords';

export { outcomeHelp, outcomeLabels, outcomeValues } from './outcomeWords';

const appearance = { confirmed: 'success', refuted: 'removed', inconclusive: 'moved' } as const;

export function OutcomeLozenge({ value, testId }: { value: OutcomeValue; testId?: string }) {
  return (
    <Lozenge appearance={appearance[value]} testId={testId}>
      {outcomeLabels[value]}
    </Lozenge>
  );
}
