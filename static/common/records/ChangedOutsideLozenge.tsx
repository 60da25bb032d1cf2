import Lozenge from '@atlaskit/lozenge/lozenge';
import { CHANGED_OUTSIDE_LABEL } from './recordWords';

export function ChangedOutsideLozenge({ testId }: { testId?: string }) {
  return (
    <Lozenge appearance="moved" testId={testId}>
      {CHANGED_OUTSIDE_LABEL}
    </Lozenge>
  );
}
