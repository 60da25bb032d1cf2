import Lozenge from '@atlaskit/lozenge';
import { Box } from '@atlaskit/primitives/compiled/box';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Text } from '@atlaskit/primitives/compiled/text';

/**
 * Says that an active sprint's numbers are not final, next to the table: a lozenge for the eye and
 * the reason in words (the lozenge alone would be colour and a label without the why).
 */
export function ProvisionalNote({ reason }: { reason: string | null }) {
  if (reason === null) return null;
  return (
    <Box role="note" aria-label="Provisional numbers" testId="sprint-health-provisional">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Lozenge appearance="inprogress">Provisional</Lozenge>
        <Text color="color.text.subtle">{reason}</Text>
      </Inline>
    </Box>
  );
}
