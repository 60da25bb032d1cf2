import { lazy, Suspense, useState } from 'react';
import Button from '@atlaskit/button/new';

// Loaded on first use: the Processes tab should not pay for a dialog most visits never open.
const LinkSuggestionsModal = lazy(() => import('./LinkSuggestionsModal'));

/** "Suggest links" on the Processes tab: opens the suggestions for the project's unlinked work. */
export function LinkSuggestionsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} testId="suggest-links">
        Suggest links
      </Button>
      {open && (
        <Suspense fallback={null}>
          <LinkSuggestionsModal onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
