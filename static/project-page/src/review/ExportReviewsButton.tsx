import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import type { ResolverError } from '../../../../src/contract';
import { ErrorState } from '../../../common/ErrorState';
import { useResolverAction } from '../../../common/useResolver';
import { downloadCsv } from './csvDownload';

/** Downloads a process's reviews and health history as CSV, built by the backend. */
export function ExportReviewsButton({ processKey, onDone }: { processKey: string; onDone: (message: string) => void }) {
  const exportCsv = useResolverAction('exportProcessReviewsCsv');
  const [error, setError] = useState<ResolverError | null>(null);
  const exportReviews = async () => {
    setError(null);
    const response = await exportCsv.run({ processKey });
    if (!response.ok) {
      setError(response.error);
      return;
    }
    downloadCsv(response.data.filename, response.data.csv);
    onDone(`Downloaded ${response.data.filename}`);
  };
  return (
    <Stack space="space.100">
      <div>
        <Button isLoading={exportCsv.pending} testId="review-export" onClick={() => void exportReviews()}>
          Export {processKey} reviews (CSV)
        </Button>
      </div>
      {error && <ErrorState error={error} />}
    </Stack>
  );
}
