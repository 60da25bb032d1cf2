// The issue panel still imports the guard from here; the one implementation lives in static/common.
export { confirmDiscard, unsavedChangesQuestion, useUnsavedChangesGuard } from '../unsavedChanges';
