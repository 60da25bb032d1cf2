import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Text } from '@atlaskit/primitives/compiled/text';
import { formatTime } from '../../../common/dateFormat';
import { Notice } from '../../../common/Notice';

/** Jira asked us to slow down: not a failure, just a wait with a time, and a way not to wait. */
export function RateLimitNotice({ retryAt, timeZone, onRetryNow }: { retryAt: string; timeZone?: string; onRetryNow: () => void }) {
  return (
    <Notice
      appearance="warning"
      role="status"
      testId="sprint-health-rate-limited"
      title={`Jira is busy, retrying at ${formatTime(retryAt, { timeZone, seconds: true })}`}
    >
      <Text as="p">Jira asked Process Loop to slow down for a moment. The numbers load by themselves then; nothing is lost.</Text>
      <Inline>
        <Button onClick={onRetryNow} testId="sprint-health-retry-now">
          Try now
        </Button>
      </Inline>
    </Notice>
  );
}
