import { z } from 'zod';

/**
 * The one contract between the Custom UI apps and the backend: per resolver its function key,
 * payload schema and result schema. `src/` validates payloads with these schemas at runtime;
 * `static/` only imports the types (so zod stays out of the UI bundles).
 *
 * Identity, site and issue never appear in a payload: they come from the invocation context.
 */

const issueNoteText = z
  .string()
  .max(2000, 'A note can be at most 2,000 characters.')
  .transform((text) => text.trim());

export const issueNoteSchema = z.object({
  text: z.string(),
  updatedAt: z.string(),
});

export const resolverContract = {
  /** Issue panel: the issue the panel is open on (read as the viewer) and the viewer's own note. */
  getIssueOverview: {
    payload: z.object({}).strict(),
    result: z.object({
      issue: z.object({ id: z.string(), key: z.string(), summary: z.string() }),
      note: issueNoteSchema.nullable(),
    }),
  },
  /** Issue panel: save (or, with empty text, remove) the viewer's private note on this issue. */
  saveIssueNote: {
    payload: z.object({ text: issueNoteText }).strict(),
    result: z.object({ note: issueNoteSchema.nullable() }),
  },
} as const;

export type ResolverContract = typeof resolverContract;
export type ResolverKey = keyof ResolverContract;
/** What the UI sends (before the backend's transforms). */
export type PayloadOf<K extends ResolverKey> = z.input<ResolverContract[K]['payload']>;
/** What the backend handler receives after validation. */
export type ParsedPayloadOf<K extends ResolverKey> = z.output<ResolverContract[K]['payload']>;
export type ResultOf<K extends ResolverKey> = z.output<ResolverContract[K]['result']>;
export const resolverKeys = Object.keys(resolverContract) as ResolverKey[];
