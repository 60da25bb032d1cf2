import { useEffect } from 'react';

export const unsavedChangesQuestion = 'You have unsaved changes. Leave without saving them?';

/** While a form holds unsaved changes, the browser asks before the page is closed or reloaded. */
export function useUnsavedChangesGuard(isDirty: boolean): void {
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = unsavedChangesQuestion; // older browsers show nothing without it
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);
}

/** Asks before throwing changes away; true means go ahead. */
export function confirmDiscard(isDirty: boolean): boolean {
  return !isDirty || window.confirm(unsavedChangesQuestion);
}
