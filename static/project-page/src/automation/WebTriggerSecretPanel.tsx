import { useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { Inline, Stack } from '@atlaskit/primitives';
import type { ResolverError } from '../../../../src/contract';
import { useResolverAction } from '../../../common/useResolver';
import type { AutomationSettings } from './AutomationScreen';

type WebTrigger = AutomationSettings['webTrigger'];

/** The URL and, for Jira admins, the signing secret with a rotate button (rotating breaks old signatures at once). */
export function WebTriggerSecretPanel({ webTrigger, isJiraAdmin, onRotated }: { webTrigger: WebTrigger; isJiraAdmin: boolean; onRotated: (webTrigger: WebTrigger) => void }) {
  const rotate = useResolverAction('rotateWebTriggerSecret');
  const [revealed, setRevealed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);

  const doRotate = async () => {
    setError(null);
    const response = await rotate.run({});
    setConfirming(false);
    if (response.ok) {
      onRotated(response.data);
      setRevealed(true);
    } else setError(response.error);
  };

  return (
    <Stack space="space.150">
      <p>Requests must be signed with HMAC-SHA256 over “timestamp.body” using this secret; see the README’s Automation recipes.</p>
      <label htmlFor="web-trigger-url">URL</label>
      <Textfield id="web-trigger-url" value={webTrigger.url ?? 'Not available'} isReadOnly />
      {!isJiraAdmin ? (
        <SectionMessage appearance="information">
          <p>Only Jira administrators can see and rotate the signing secret.</p>
        </SectionMessage>
      ) : (
        <>
          <label htmlFor="web-trigger-secret">Signing secret</label>
          <Textfield
            id="web-trigger-secret"
            type={revealed ? 'text' : 'password'}
            value={webTrigger.secret ?? ''}
            placeholder="No secret yet: every request is refused until you create one."
            isReadOnly
          />
          {webTrigger.rotatedAt && <p>Last rotated {new Date(webTrigger.rotatedAt).toLocaleString()}.</p>}
          <Inline space="space.100">
            {webTrigger.secret && (
              <Button onClick={() => setRevealed((shown) => !shown)} aria-pressed={revealed}>
                {revealed ? 'Hide secret' : 'Show secret'}
              </Button>
            )}
            {confirming ? (
              <>
                <Button appearance="danger" onClick={() => void doRotate()} isLoading={rotate.pending}>
                  Rotate now
                </Button>
                <Button appearance="subtle" onClick={() => setConfirming(false)}>
                  Cancel
                </Button>
              </>
            ) : (
              <Button appearance="primary" onClick={() => (webTrigger.secret ? setConfirming(true) : void doRotate())} isLoading={rotate.pending}>
                {webTrigger.secret ? 'Rotate secret' : 'Create secret'}
              </Button>
            )}
          </Inline>
          {confirming && (
            <SectionMessage appearance="warning">
              <p>Rules that sign with the current secret will be refused until you update them with the new one.</p>
            </SectionMessage>
          )}
        </>
      )}
      {error && (
        <SectionMessage appearance="error">
          <p>{error.message}</p>
        </SectionMessage>
      )}
    </Stack>
  );
}
