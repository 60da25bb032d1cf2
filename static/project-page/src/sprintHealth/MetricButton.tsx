import { useState, type ReactNode } from 'react';
import { Pressable } from '@atlaskit/primitives/compiled/pressable';
import { token } from '@atlaskit/tokens';
import Tooltip from '@atlaskit/tooltip';

/**
 * A number in the health table: a button that opens the issues behind it. The tooltip carries the
 * metric's one-line definition; the aria-label says the number in words ("Committed for INC:
 * 12 issues, show them"). A Pressable drawn like a subtle compact button rather than Atlaskit's
 * Button, whose fixed height allows one line only: flow time and impediments take two short lines so
 * the table fits a laptop screen.
 */
export function MetricButton({
  children,
  label,
  help,
  onOpen,
  testId,
}: {
  children: ReactNode;
  label: string;
  help: string;
  onOpen: () => void;
  testId?: string;
}) {
  const [hovered, setHovered] = useState(false);
  const [pressed, setPressed] = useState(false);
  const background = pressed
    ? token('color.background.neutral.subtle.pressed')
    : hovered
      ? token('color.background.neutral.subtle.hovered')
      : token('color.background.neutral.subtle');
  return (
    <Tooltip content={help} position="top">
      <Pressable
        onClick={onOpen}
        aria-label={label}
        testId={testId}
        onMouseEnter={() => setHovered(true)}
        onMouseLeave={() => {
          setHovered(false);
          setPressed(false);
        }}
        onMouseDown={() => setPressed(true)}
        onMouseUp={() => setPressed(false)}
        style={{
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'flex-start',
          minHeight: 24,
          minWidth: 24,
          justifyContent: 'center',
          paddingBlock: token('space.025'),
          paddingInline: token('space.075'),
          borderRadius: token('radius.small', '3px'),
          backgroundColor: background,
          color: token('color.text'),
          font: token('font.body'),
          textAlign: 'start',
          whiteSpace: 'nowrap',
        }}
      >
        {children}
      </Pressable>
    </Tooltip>
  );
}
