import type { z } from 'zod';
import { automationContract } from './automationContract';
import { catalogContract } from './catalogContract';
import { improvementContract } from './improvementContract';
import { linkSuggestionsContract } from './linkSuggestionsContract';
import { sprintHealthContract } from './sprintHealthContract';
import { templateContract } from './templateContract';

/**
 * The one contract between the Custom UI apps and the backend: per resolver its function key,
 * payload schema and result schema, one module per area. `src/` validates payloads with these
 * schemas at runtime; `static/` only imports the types (so zod stays out of the UI bundles).
 *
 * Identity, site and issue never appear in a payload: they come from the invocation context.
 */
export const resolverContract = {
  ...catalogContract,
  ...improvementContract,
  ...sprintHealthContract,
  ...automationContract,
  ...templateContract,
  ...linkSuggestionsContract,
} as const;

export type ResolverContract = typeof resolverContract;
export type ResolverKey = keyof ResolverContract;
/** What the UI sends (before the backend's transforms). */
export type PayloadOf<K extends ResolverKey> = z.input<ResolverContract[K]['payload']>;
/** What the backend handler receives after validation. */
export type ParsedPayloadOf<K extends ResolverKey> = z.output<ResolverContract[K]['payload']>;
export type ResultOf<K extends ResolverKey> = z.output<ResolverContract[K]['result']>;
export const resolverKeys = Object.keys(resolverContract) as ResolverKey[];
