import { useState } from 'react';
import Button from '@atlaskit/button/new';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ResolverError } from '../../../../src/contract';
import { formatDateTime } from '../../../common/dateFormat';
import { ErrorState } from '../../../common/ErrorState';
import { Notice } from '../../../common/Notice';
import { useResolverAction } from '../../../common/useResolver';
import type { AutomationSettings } from './automationSettings';
import { CopyableField } from './CopyableField';

type WebTrigger = AutomationSettings['webTrigger'];

/**
 * The URL for everyone and, for Jira admins, the signing secret. Rotating breaks every rule that signs
 * with the old secret at once, so it is a quiet button that opens a warning dialog saying so; creating
 * the first secret breaks nothing (every request is refused until then) and is the main action.
 */
export function WebTriggerSecretPanel({
  webTrigger,
  isJiraAdmin,
  onRotated,
}: {
  webTrigger: WebTrigger;
  isJiraAdmin: boolean;
  onRotated: (webTrigger: WebTrigger) => void;
}) {
  const rotate = useResolverAction('rotateWebTriggerSecret');
  const [revealed, setRevealed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);
  const [made, setMade] = useState<'created' | 'rotated' | null>(null);
  const hasSecret = Boolean(webTrigger.secret);

  const doRotate = async () => {
    setError(null);
    setMade(null);
    const response = await rotate.run({});
    setConfirming(false);
    if (response.ok) {
      onRotated(response.data);
      setRevealed(true); // they need it next, to paste into their rules
      setMade(hasSecret ? 'rotated' : 'created');
    } else setError(response.error);
  };
  const closeDialog = () => {
    if (!rotate.pending) setConfirming(false);
  };

  return (
    <Stack space="space.200">
      <Text as="p">
        Automation’s “Send web request” action calls this URL. Requests must be signed with HMAC-SHA256 over “timestamp.body” using the
        signing secret; see the README’s Automation recipes.
      </Text>
      <CopyableField
        id="web-trigger-url"
        label="URL"
        value={webTrigger.url ?? ''}
        copyLabel="Copy URL"
        helper={webTrigger.url ? null : 'Not available yet.'}
      />
      {!isJiraAdmin ? (
        <Notice appearance="information" title="The signing secret is for Jira administrators">
          <Text as="p">Only Jira administrators can see and rotate the signing secret. Ask one when a rule needs it.</Text>
        </Notice>
      ) : (
        <>
          <CopyableField
            id="web-trigger-secret"
            label="Signing secret"
            value={webTrigger.secret ?? ''}
            masked={!revealed}
            copyLabel="Copy secret"
            helper={
              webTrigger.secret
                ? webTrigger.rotatedAt && `Last rotated ${formatDateTime(webTrigger.rotatedAt)}.`
                : 'No secret yet: every request is refused until you create one.'
            }
          />
          <Inline space="space.100">
            {hasSecret && <Button onClick={() => setRevealed((shown) => !shown)}>{revealed ? 'Hide secret' : 'Show secret'}</Button>}
            {hasSecret ? (
              <Button appearance="subtle" onClick={() => setConfirming(true)}>
                Rotate secret
              </Button>
            ) : (
              <Button appearance="primary" onClick={() => void doRotate()} isLoading={rotate.pending}>
                Create secret
              </Button>
            )}
          </Inline>
        </>
      )}
      {made && (
        <Notice appearance="success" role="status" title={made === 'created' ? 'Signing secret created' : 'Signing secret rotated'}>
          <Text as="p">
            {made === 'created'
              ? 'Copy it into each “Send web request” action that calls this URL.'
              : 'Copy the new secret into each “Send web request” action that calls this URL; requests signed with the old one are refused from now on.'}
          </Text>
        </Notice>
      )}
      {error && <ErrorState error={error} />}
      <ModalTransition>
        {confirming && (
          <ModalDialog onClose={closeDialog} testId="rotate-secret-dialog">
            <ModalHeader>
              <ModalTitle appearance="warning">Rotate the signing secret?</ModalTitle>
            </ModalHeader>
            <ModalBody>
              <Stack space="space.150">
                <Text as="p">
                  The current secret stops working the moment a new one is made. Rules that sign with the current secret will be refused
                  until you update them with the new one.
                </Text>
                <Text as="p">Rotate only when the secret may have leaked, and have the rules that call this URL to hand.</Text>
              </Stack>
            </ModalBody>
            <ModalFooter>
              <Button appearance="subtle" onClick={closeDialog} isDisabled={rotate.pending}>
                Cancel
              </Button>
              <Button appearance="warning" onClick={() => void doRotate()} isLoading={rotate.pending}>
                Rotate now
              </Button>
            </ModalFooter>
          </ModalDialog>
        )}
      </ModalTransition>
    </Stack>
  );
}
