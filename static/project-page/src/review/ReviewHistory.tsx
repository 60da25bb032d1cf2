import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge/lozenge';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { usersById } from '../../../common/catalogTypes';
import { formatDateTime } from '../../../common/dateFormat';
import type { SprintReviewView } from '../../../common/improvement/improvementTypes';
import { historyFieldLabels, historyValueText } from './reviewText';
import { ColumnHeaders } from '../../../common/ColumnHeaders';

const cell = { padding: 'var(--ds-space-050, 4px) var(--ds-space-100, 8px)', verticalAlign: 'top', textAlign: 'start' } as const;

/** Every save of this review, newest first: who, when, and what each changed field held before. */
export function ReviewHistory({ view }: { view: SprintReviewView }) {
  const people = usersById(view.users);
  const entries = [...view.history].sort((a, b) => b.version - a.version);
  return (
    <Stack space="space.150" testId="review-history">
      <Heading size="small" as="h3">
        Change history
      </Heading>
      {entries.length === 0 ? (
        <Text as="p" color="color.text.subtle">
          No changes recorded yet.
        </Text>
      ) : (
        <ol style={{ margin: 0, padding: 0, listStyle: 'none' }}>
          {entries.map((entry) => (
            <li key={entry.version} data-testid={`review-history-${entry.version}`} style={{ marginBlockEnd: 'var(--ds-space-200, 16px)' }}>
              <Stack space="space.075">
                <Inline space="space.100" alignBlock="center" shouldWrap>
                  <Text weight="semibold">
                    {people.get(entry.by)?.displayName ?? 'Unknown user'}, {formatDateTime(entry.at)}
                  </Text>
                  {entry.sprintState === 'closed' && <Lozenge appearance="moved">Sprint was closed</Lozenge>}
                </Inline>
                <table style={{ borderCollapse: 'collapse' }}>
                  <ColumnHeaders labels={['Field', 'Before', 'After']} cellStyle={cell} />
                  <tbody>
                    {entry.changes.map((change) => (
                      <tr key={change.field}>
                        <th scope="row" style={cell}>
                          {historyFieldLabels[change.field]}
                        </th>
                        <td style={cell}>{historyValueText(change.field, change.before, view) || '—'}</td>
                        <td style={cell}>{historyValueText(change.field, change.after, view) || '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Stack>
            </li>
          ))}
        </ol>
      )}
    </Stack>
  );
}
