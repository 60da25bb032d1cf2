import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Tooltip from '@atlaskit/tooltip';

/**
 * A number in the health table: a button that opens the issues behind it. The tooltip carries the
 * metric's one-line definition; the aria-label says the number in words ("Committed for INC:
 * 12 issues, show them").
 */
export function MetricButton({ children, label, help, onOpen, testId }: { children: ReactNode; label: string; help: string; onOpen: () => void; testId?: string }) {
  return (
    <Tooltip content={help} position="top">
      <Button appearance="subtle" spacing="compact" onClick={onOpen} aria-label={label} testId={testId}>
        {children}
      </Button>
    </Tooltip>
  );
}
