import ProgressBar from '@atlaskit/progress-bar';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { progressText, progressValue, restartText } from './progress';
import type { SprintHealthProgress } from './types';

export function ComputeProgress({
  progress,
  restartedAt,
  timeZone,
}: {
  progress: SprintHealthProgress;
  restartedAt: string | null;
  timeZone?: string;
}) {
  const text = progressText(progress, timeZone);
  const restarted = restartText(restartedAt, timeZone);
  const value = progressValue(progress);
  return (
    <Box testId="sprint-health-progress" paddingBlock="space.200">
      <Stack space="space.100">
        <Text weight="semibold">Computing sprint health</Text>
        <ProgressBar value={value ?? undefined} isIndeterminate={value === null} ariaLabel={text} />
        <Text color="color.text.subtle" aria-live="polite" testId="sprint-health-progress-text">
          {text}
        </Text>
        {restarted && (
          <Text color="color.text.warning" testId="sprint-health-restarted">
            {restarted}
          </Text>
        )}
      </Stack>
    </Box>
  );
}
