import { useState, type RefObject } from 'react';
import type { PayloadOf, ResolverError, ResolverKey, ResultOf } from '../../../src/contract';
import { useResolverAction } from '../useResolver';
import type { FieldErrors } from './fieldErrors';

/** Resolvers whose save carries the version it started from and answers `saved` or `conflict`. */
export type VersionedSaveKey = {
  [K in ResolverKey]: ResultOf<K> extends { outcome: 'saved' | 'conflict' } ? K : never;
}[ResolverKey];
export type SavedResult<K extends VersionedSaveKey> = Extract<ResultOf<K>, { outcome: 'saved' }>;
export type ConflictResult<K extends VersionedSaveKey> = Extract<ResultOf<K>, { outcome: 'conflict' }>;

/** How one save ended, for the caller's own follow-up (close, navigate, revert). */
export type SaveEnd<K extends VersionedSaveKey> =
  | { status: 'saved'; result: SavedResult<K> }
  | { status: 'conflict'; result: ConflictResult<K> }
  | { status: 'failed'; error: ResolverError };

/** What a save says to screen readers, per outcome; nothing is announced where a wording is missing. */
export type SaveWording<K extends VersionedSaveKey> = {
  saved?: (result: SavedResult<K>) => string;
  conflict?: (result: ConflictResult<K>) => string;
  failed?: (error: ResolverError) => string;
};

/**
 * The save flow every versioned form shares: the call and its pending state, field messages from
 * `INVALID_INPUT.fields` (mapped to the form's own paths), the newer version when someone saved first,
 * focus to the error notice (`focusOnError`) so keyboard and screen reader users land on what went wrong,
 * and a short announcement of the outcome for a live region. The form owns the notice's ref (a hook that
 * hands out refs makes everything it returns count as a ref during render).
 */
export function useVersionedSave<K extends VersionedSaveKey, Newer>(
  key: K,
  options: {
    /** The newer version someone else saved, from a conflict answer. */
    newerOf: (result: ConflictResult<K>) => Newer;
    /** An INVALID_INPUT error's fields → messages at the form's paths; without it no field messages are kept. */
    fieldsOf?: (error: ResolverError, payload: PayloadOf<K>) => FieldErrors;
    /** The notice (or heading) that takes focus when the save or the browser's own checks fail. */
    focusOnError?: RefObject<HTMLElement | null>;
  },
) {
  const action = useResolverAction(key);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<ResolverError | null>(null);
  const [conflict, setConflict] = useState<Newer | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const { newerOf, fieldsOf, focusOnError } = options;

  /** The browser's own checks failed: show the messages and (unless told not to) take focus to the notice. */
  function rejectLocally(localErrors: FieldErrors, { focus = true }: { focus?: boolean } = {}) {
    setSaveError(null);
    setAnnouncement('');
    setErrors(localErrors);
    if (focus) focusOnError?.current?.focus();
  }

  async function save(payload: PayloadOf<K>, wording: SaveWording<K> = {}): Promise<SaveEnd<K>> {
    setSaveError(null);
    setAnnouncement('');
    const response = await action.run(payload);
    if (!response.ok) {
      const { error } = response;
      setErrors(error.code === 'INVALID_INPUT' && fieldsOf ? fieldsOf(error, payload) : {});
      setSaveError(error);
      if (wording.failed) setAnnouncement(wording.failed(error));
      focusOnError?.current?.focus();
      return { status: 'failed', error };
    }
    setErrors({});
    const result = response.data;
    if (result.outcome === 'conflict') {
      const conflicted = result as ConflictResult<K>;
      setConflict(newerOf(conflicted));
      if (wording.conflict) setAnnouncement(wording.conflict(conflicted));
      return { status: 'conflict', result: conflicted };
    }
    const saved = result as SavedResult<K>;
    setConflict(null);
    if (wording.saved) setAnnouncement(wording.saved(saved));
    return { status: 'saved', result: saved };
  }

  return {
    save,
    rejectLocally,
    pending: action.pending,
    errors,
    setErrors,
    saveError,
    conflict,
    /** Drops the conflict, e.g. once the person took the newer version. */
    clearConflict: () => setConflict(null),
    announcement,
    setAnnouncement,
  };
}
