import type { CSSProperties } from 'react';

// The standard "visually hidden" recipe: still read by screen readers, never seen.
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** Tells screen readers what just happened ("Linked to INC") without moving focus. */
export function LiveAnnouncement({ message, testId }: { message: string; testId?: string }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid={testId} style={visuallyHidden}>
      {message}
    </div>
  );
}
