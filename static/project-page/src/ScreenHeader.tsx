import type { ComponentProps, ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Inline } from '@atlaskit/primitives/compiled/inline';

/** A screen's h2 with the screen's actions at the far end, wrapping under it when the page is narrow. */
export function ScreenHeader(props: { title: string; alignBlock?: ComponentProps<typeof Inline>['alignBlock']; children?: ReactNode }) {
  return (
    <Inline space="space.200" alignBlock={props.alignBlock ?? 'center'} spread="space-between" shouldWrap>
      <Heading size="medium" as="h2">
        {props.title}
      </Heading>
      {props.children}
    </Inline>
  );
}
