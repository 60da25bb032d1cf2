import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Stack } from '@atlaskit/primitives/compiled/stack';
import { Text } from '@atlaskit/primitives/compiled/text';
import { ColumnHeaders } from '../../../common/ColumnHeaders';

export type ComparedField = { label: string; mine: string; theirs: string };

/**
 * Someone saved first. Shows their values next to yours (only where they differ) and lets the
 * person choose; nothing they typed is thrown away unless they say so.
 */
export function ConflictNotice(props: {
  fields: ComparedField[];
  savedBy: ReactNode;
  pending: boolean;
  onUseMine: () => void;
  onDiscardMine: () => void;
}) {
  const differing = props.fields.filter((field) => field.mine !== field.theirs);
  return (
    <Box
      role="alert"
      padding="space.200"
      backgroundColor="color.background.warning"
      style={{ borderRadius: 'var(--ds-radius-medium, 6px)' }}
      testId="conflict-notice"
    >
      <Stack space="space.150">
        <Heading size="small" as="h3">
          Someone else saved this first
        </Heading>
        <Text as="p">
          {props.savedBy} saved a newer version while you were editing. Your changes are still here. Compare, then keep yours or take
          theirs.
        </Text>
        <table>
          <ColumnHeaders labels={['Field', 'Your version', 'Their newer version']} />
          <tbody>
            {differing.map((field) => (
              <tr key={field.label}>
                <th scope="row">{field.label}</th>
                <td>{field.mine || '—'}</td>
                <td>{field.theirs || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Inline space="space.100">
          <Button appearance="warning" onClick={props.onUseMine} isLoading={props.pending} testId="conflict-use-mine">
            Use my version
          </Button>
          <Button onClick={props.onDiscardMine} isDisabled={props.pending} testId="conflict-discard-mine">
            Discard mine
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
