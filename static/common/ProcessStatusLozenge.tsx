import Lozenge from '@atlaskit/lozenge/lozenge';
import type { ProcessStatus } from './catalogTypes';

const appearanceByStatus = { active: 'success', draft: 'new', retired: 'default' } as const;
const labelByStatus: Record<ProcessStatus, string> = { active: 'Active', draft: 'Draft', retired: 'Retired' };

export function processStatusLabel(status: ProcessStatus): string {
  return labelByStatus[status];
}

export function ProcessStatusLozenge({ status, testId }: { status: ProcessStatus; testId?: string }) {
  return (
    <Lozenge appearance={appearanceByStatus[status]} testId={testId}>
      {labelByStatus[status]}
    </Lozenge>
  );
}
