import type { ReactNode } from 'react';
import { ErrorMessage } from '@atlaskit/form/error-message';
import { HelperMessage } from '@atlaskit/form/helper-message';
import { Label } from '@atlaskit/form/label/default';
import { Stack } from '@atlaskit/primitives/compiled/stack';

/**
 * A labelled field with its help text and, right beneath it, what is wrong with it. The message
 * element's id is `${id}-message`, so inputs can point `aria-describedby` at it.
 */
export function FormField(props: { id: string; label: string; help?: string; error?: string; children: ReactNode; testId?: string }) {
  return (
    <Stack space="space.050" testId={props.testId}>
      <Label htmlFor={props.id}>{props.label}</Label>
      {props.children}
      <div id={`${props.id}-message`}>
        {props.error ? (
          <ErrorMessage testId={props.testId ? `${props.testId}-error` : undefined}>{props.error}</ErrorMessage>
        ) : props.help ? (
          <HelperMessage>{props.help}</HelperMessage>
        ) : null}
      </div>
    </Stack>
  );
}
