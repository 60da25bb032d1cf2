import Button from '@atlaskit/button/new';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { formatClock } from './format';

/** Jira asked us to slow down: not a failure, just a wait with a time, and a way not to wait. */
export function RateLimitNotice({ retryAt, timeZone, onRetryNow }: { retryAt: string; timeZone?: string; onRetryNow: () => void }) {
  return (
    <Box role="status" testId="sprint-health-rate-limited" padding="space.200" backgroundColor="color.background.warning">
      <Stack space="space.100">
        <Text weight="semibold">Jira is busy, retrying at {formatClock(retryAt, timeZone)}</Text>
        <Text as="p">Jira asked Process Loop to slow down for a moment. The numbers load by themselves then; nothing is lost.</Text>
        <Inline>
          <Button onClick={onRetryNow} testId="sprint-health-retry-now">
            Try now
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
