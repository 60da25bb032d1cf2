import { Box } from '@atlaskit/primitives/compiled/box';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';

/** Says when a number may be incomplete, rather than showing it as exact. */
export function CompletenessNotes({ exact, notes }: { exact: boolean; notes: string[] }) {
  if (exact && notes.length === 0) return null;
  return (
    <Box role="note" testId="sprint-health-completeness" padding="space.150" backgroundColor="color.background.warning">
      <Stack space="space.050">
        <Text weight="semibold">{exact ? 'About these numbers' : 'Some numbers may be incomplete'}</Text>
        <ul style={{ margin: 0 }}>
          {notes.map((note) => (
            <li key={note}>
              <Text>{note}</Text>
            </li>
          ))}
        </ul>
      </Stack>
    </Box>
  );
}
