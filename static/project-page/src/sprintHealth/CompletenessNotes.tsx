import { Box } from '@atlaskit/primitives/compiled/box';
import { Text } from '@atlaskit/primitives/compiled/text';
import { Notice } from '../../../common/Notice';

/** Says when a number may be incomplete, rather than showing it as exact. */
export function CompletenessNotes({ exact, notes }: { exact: boolean; notes: string[] }) {
  if (exact && notes.length === 0) return null;
  return (
    // A note, not a status: it belongs to the numbers below and is read with them, not announced.
    <Box role="note" testId="sprint-health-completeness">
      <Notice appearance={exact ? 'information' : 'warning'} title={exact ? 'About these numbers' : 'Some numbers may be incomplete'}>
        <ul style={{ margin: 0, paddingInlineStart: 'var(--ds-space-250, 20px)' }}>
          {notes.map((note) => (
            <li key={note}>
              <Text>{note}</Text>
            </li>
          ))}
        </ul>
      </Notice>
    </Box>
  );
}
