import ProgressBar from '@atlaskit/progress-bar';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';

/** "3 of 5 done" with a bar; the words carry the meaning, the bar is for the eye. */
export function DodProgress({ done, total, testId }: { done: number; total: number; testId?: string }) {
  if (total === 0) {
    return (
      <Text size="small" color="color.text.subtlest" testId={testId}>
        No checklist
      </Text>
    );
  }
  const words = `${done} of ${total} done`;
  return (
    <Stack space="space.050" testId={testId}>
      <Text size="small">{words}</Text>
      <ProgressBar value={done / total} ariaLabel={`Definition of Done: ${words}`} appearance={done === total ? 'success' : 'default'} />
    </Stack>
  );
}
