import type { CSSProperties, ReactNode } from 'react';
import { Pressable } from '@atlaskit/primitives/compiled/pressable';
import Tooltip from '@atlaskit/tooltip';

const asText: CSSProperties = {
  padding: 0,
  backgroundColor: 'transparent',
  color: 'inherit',
  font: 'inherit',
  textAlign: 'inherit',
  cursor: 'default',
};

/**
 * Text that explains itself in a tooltip. Keyboard users reach the tooltip by focus, so the text sits in a
 * plain button (no action of its own; a focusable span is not a control screen readers expect), drawn as
 * the text it wraps.
 */
export function TooltipText({
  tooltip,
  children,
  label,
  testId,
  style,
}: {
  tooltip: string;
  children: ReactNode;
  label?: string;
  testId?: string;
  style?: CSSProperties;
}) {
  return (
    <Tooltip content={tooltip}>
      <Pressable aria-label={label} testId={testId} style={{ ...asText, ...style }}>
        {children}
      </Pressable>
    </Tooltip>
  );
}
