import { useEffect, useRef, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { HelperMessage, Label } from '@atlaskit/form';
import CopyIcon from '@atlaskit/icon/core/copy';
import { Inline, Stack } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';

/**
 * Writes text to the clipboard. The async Clipboard API needs the iframe's clipboard-write
 * permission, so where it is refused the old select-and-copy route is tried on a scratch textarea
 * (a password field cannot be copied that way, and selecting the visible one would move focus).
 */
async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const scratch = document.createElement('textarea');
    scratch.value = text;
    scratch.setAttribute('readonly', '');
    scratch.style.position = 'fixed';
    scratch.style.opacity = '0';
    document.body.appendChild(scratch);
    scratch.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      scratch.remove();
    }
  }
}

type CopyState = 'idle' | 'copied' | 'failed';

/** A labelled read-only value (a URL, a secret) with a copy button and its help text below. */
export function CopyableField(props: {
  id: string;
  label: string;
  value: string;
  copyLabel: string;
  /** Shown as dots until revealed. */
  masked?: boolean;
  helper?: ReactNode;
}) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const reset = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(reset.current), []);

  const onCopy = async () => {
    const copied = await copyToClipboard(props.value);
    setCopy(copied ? 'copied' : 'failed');
    clearTimeout(reset.current);
    if (copied) reset.current = setTimeout(() => setCopy('idle'), 4000);
  };

  const helperId = `${props.id}-helper`;
  return (
    <Stack space="space.050">
      <Label htmlFor={props.id}>{props.label}</Label>
      <Inline space="space.100" alignBlock="center">
        {/* One fixed width, so fields with different button labels still line up. */}
        <div style={{ flex: '0 1 640px', minWidth: 0 }}>
          <Textfield
            id={props.id}
            value={props.value}
            type={props.masked ? 'password' : 'text'}
            isReadOnly
            isMonospaced
            aria-describedby={helperId}
          />
        </div>
        <Button iconBefore={CopyIcon} onClick={() => void onCopy()} isDisabled={!props.value}>
          {props.copyLabel}
        </Button>
      </Inline>
      <div id={helperId} role="status">
        {copy === 'copied' ? (
          <HelperMessage>Copied to the clipboard.</HelperMessage>
        ) : copy === 'failed' ? (
          <HelperMessage>
            {props.masked
              ? 'Couldn’t copy here. Show it, then select the text in the field and copy it yourself.'
              : 'Couldn’t copy here. Select the text in the field and copy it yourself.'}
          </HelperMessage>
        ) : (
          props.helper && <HelperMessage>{props.helper}</HelperMessage>
        )}
      </div>
    </Stack>
  );
}
