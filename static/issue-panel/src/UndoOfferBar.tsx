import { useEffect, useRef } from 'react';
import Button from '@atlaskit/button/new';
import { Inline } from '@atlaskit/primitives/compiled/inline';
import { Text } from '@atlaskit/primitives/compiled/text';
import type { UndoOffer } from './useProcessLinkActions';

/** After a change: what changed and a way back. Takes focus so a keyboard user can undo at once. */
export function UndoOfferBar({
  offer,
  pending,
  onUndo,
  onDismiss,
}: {
  offer: UndoOffer;
  pending: boolean;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => undoRef.current?.focus(), [offer]);
  return (
    <Inline space="space.100" alignBlock="center" shouldWrap testId="undo-offer">
      <Text>{offer.label}</Text>
      <Button ref={undoRef} onClick={onUndo} isLoading={pending} testId="undo">
        Undo
      </Button>
      <Button appearance="subtle" onClick={onDismiss} isDisabled={pending}>
        Dismiss
      </Button>
    </Inline>
  );
}
