import Checkbox from '@atlaskit/checkbox';
import Heading from '@atlaskit/heading';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { UserSummary } from '../../../common/catalogTypes';
import { formatDateTime } from '../../../common/dateFormat';
import { DodProgress } from '../../../common/improvement/DodProgress';
import type { DodLine, IssueImprovement } from '../../../common/improvement/improvementTypes';
import { UNVERIFIED_AUTHOR } from '../../../common/records/recordWords';

/**
 * The process's Definition of Done as a checklist on this story. Each tick records who and when;
 * the checkbox stays where it is while saving, so keyboard focus never jumps.
 */
export function DodChecklist(props: {
  data: IssueImprovement;
  people: Map<string, UserSummary>;
  pendingItemId: string | null;
  onToggle: (line: DodLine, done: boolean) => void;
}) {
  const { data, people } = props;
  return (
    <Stack space="space.100" testId="dod-checklist">
      <Heading size="xsmall" as="h3">
        Definition of Done
      </Heading>
      <DodProgress done={data.dodProgress.done} total={data.dodProgress.total} testId="dod-progress" />
      {data.dod.length === 0 ? (
        <Text as="p" color="color.text.subtle">
          The process has no Definition of Done yet; its APO can add one in the process catalog.
        </Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {data.dod.map((line) => (
            <li key={line.itemId} data-testid={`dod-item-${line.itemId}`}>
              <Checkbox
                isChecked={line.done}
                isDisabled={!data.canEdit || props.pendingItemId !== null}
                onChange={(event) => props.onToggle(line, event.currentTarget.checked)}
                label={line.text}
                name={`dod-${line.itemId}`}
                testId={`dod-check-${line.itemId}`}
              />
              {line.done && (
                <Box paddingInlineStart="space.300">
                  <Text size="small" color="color.text.subtle" testId={`dod-done-by-${line.itemId}`}>
                    {line.doneBy
                      ? `Ticked by ${people.get(line.doneBy)?.displayName ?? 'Unknown user'}${line.doneAt ? ` on ${formatDateTime(line.doneAt)}` : ''}`
                      : `Ticked, but ${UNVERIFIED_AUTHOR}`}
                  </Text>
                </Box>
              )}
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
