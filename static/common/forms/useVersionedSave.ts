import { useCallback, useRef, useState } from 'react';
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
 * focus to the error notice (`noticeRef`) so keyboard and screen reader users land on what went wrong,
 * and a short announcement of the outcome for a live region.
 */
export function useVersionedSave<K extends VersionedSaveKey, Newer>(
  key: K,
  options: {
    /** The newer version someone else saved, from a conflict answer. */
    newerOf: (result: ConflictResult<K>) => Newer;
    /** Backend field paths (from the payload's root) → the form's paths; without it no field messages are kept. */
    fieldsOf?: (fields: FieldErrors, payload: PayloadOf<K>) => FieldErrors;
  },
) {
  const action = useResolverAction(key);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveError, setSaveError] = useState<ResolverError | null>(null);
  const [conflict, setConflict] = useState<Newer | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const noticeRef = useRef<HTMLDivElement>(null);
  const { newerOf, fieldsOf } = options;
  const run = action.run;

  /** The browser's own checks failed: show the messages and (unless told not to) take focus to the notice. */
  const rejectLocally = useCallback((localErrors: FieldErrors, { focus = true }: { focus?: boolean } = {}) => {
    setSaveError(null);
    setAnnouncement('');
    setErrors(localErrors);
    if (focus) noticeRef.current?.focus();
  }, []);

  const save = useCallback(
    async (payload: PayloadOf<K>, wording: SaveWording<K> = {}): Promise<SaveEnd<K>> => {
      setSaveError(null);
      setAnnouncement('');
      const response = await run(payload);
      if (!response.ok) {
        const { error } = response;
        setErrors(error.code === 'INVALID_INPUT' && fieldsOf ? fieldsOf(error.fields ?? {}, payload) : {});
        setSaveError(error);
        if (wording.failed) setAnnouncement(wording.failed(error));
        noticeRef.current?.focus();
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
    },
    [run, newerOf, fieldsOf],
  );

  return {
    save,
    rejectLocally,
    pending: action.pending,
    errors,
    setErrors,
    saveError,
    conflict,
    /** Drops the conflict, e.g. once the person took the newer version. */
    clearConflict: useCallback(() => setConflict(null), []),
    noticeRef,
    announcement,
    setAnnouncement,
  };
}
