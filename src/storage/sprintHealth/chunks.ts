import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { isKeyExists } from './recordCheck';

/**
 * The chunked record format sprint health stores large results in (frozen results, active inputs).
 * Values larger than one KVS value (240 KiB) stored as a head plus chunks. Chunks are written
 * under a fresh generation id first and the head last: a reader only ever follows a head to a
 * generation that is completely written, so nothing is ever seen half-written.
 */

/** Well under 240 KiB, leaving room for the envelope. */
const CHUNK_MAX_BYTES = 200 * 1024;
/** A KVS transaction holds at most 25 operations. */
const TRANSACTION_MAX_OPS = 25;

export interface ChunkedHead<M> {
  schemaVersion: 1;
  generation: string;
  chunkCount: number;
  meta: M;
}

/** Groups items into arrays whose JSON stays under the chunk size (an item is never split). */
export function splitIntoChunks<T>(items: readonly T[], maxBytes = CHUNK_MAX_BYTES): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 2;
  for (const item of items) {
    const bytes = Buffer.byteLength(JSON.stringify(item)) + 1;
    if (bytes + 2 > maxBytes) throw new Error(`One stored item is ${bytes} bytes, more than a chunk holds.`);
    if (current.length && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 2;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length || chunks.length === 0) chunks.push(current);
  return chunks;
}

// Chunks live outside the head's prefix so a prefix query over heads never lists them.
const chunkKey = (base: string, generation: string, index: number) => `sprint-health-chunk:${base}:${generation}:${index}`;

function newGeneration(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

async function writeInTransactions(sets: Array<[string, unknown]>): Promise<void> {
  for (let i = 0; i < sets.length; i += TRANSACTION_MAX_OPS) {
    let transaction = kvs.transact();
    for (const [key, value] of sets.slice(i, i + TRANSACTION_MAX_OPS)) transaction = transaction.set(key, value);
    await transaction.execute();
  }
}

export type HeadPolicy = 'overwrite' | 'first-write-wins';

/**
 * Writes `items` in chunks and then the head. With `first-write-wins` the head is only written if
 * nothing at all is stored under `base` (an unreadable value counts: it is kept, never replaced);
 * returns false (and removes its own chunks) when another writer was first.
 * When chunks and head fit one transaction (≤ 25 operations) and the head may be overwritten, all
 * is one transaction.
 */
export async function writeChunked<M, T>(base: string, meta: M, items: readonly T[], policy: HeadPolicy): Promise<{ written: boolean }> {
  const generation = newGeneration();
  const chunks = splitIntoChunks(items);
  const head: ChunkedHead<M> = { schemaVersion: 1, generation, chunkCount: chunks.length, meta };
  const sets: Array<[string, unknown]> = chunks.map((chunk, index) => [chunkKey(base, generation, index), chunk]);
  if (policy === 'first-write-wins') {
    if (await hasAnyValue(base)) return { written: false };
    await writeInTransactions(sets);
    try {
      await kvs.set(base, head, { keyPolicy: 'FAIL_IF_EXISTS' });
    } catch (error) {
      if (!isKeyExists(error)) throw error;
      await deleteChunks(base, generation, chunks.length);
      return { written: false };
    }
    return { written: true };
  }
  const previous = await readHead(base);
  if (sets.length + 1 <= TRANSACTION_MAX_OPS) {
    await writeInTransactions([...sets, [base, head]]);
  } else {
    await writeInTransactions(sets);
    await kvs.set(base, head);
  }
  if (previous) await deleteChunks(base, previous.generation, previous.chunkCount);
  return { written: true };
}

async function deleteChunks(base: string, generation: string, count: number): Promise<void> {
  // Best effort: an orphaned chunk wastes space but is never read.
  for (let index = 0; index < count; index++) await kvs.delete(chunkKey(base, generation, index)).catch(() => undefined);
}

const headEnvelopeSchema = z.object({
  schemaVersion: z.literal(1),
  generation: z.string().min(1),
  chunkCount: z.number().int().min(0),
  meta: z.unknown(),
});

/** How stored chunked values are checked when read back: the head's meta and every item. */
export interface ChunkedSchemas<M, T> {
  meta: z.ZodType<M>;
  item: z.ZodType<T>;
}

/**
 * A chunked read: `absent` when nothing is stored under the key, `unreadable` when something is
 * but it is not what this version writes (an older version's or a damaged record, a chunk gone).
 * Callers decide: a cache recomputes, a frozen result is reported, never overwritten.
 */
export type ChunkedRead<M, T> = { state: 'absent' } | { state: 'unreadable'; why: string } | { state: 'ok'; meta: M; items: T[] };

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}

/** The head's envelope (generation, chunk count), without checking its meta; null when absent or not a head. */
export async function readHead(base: string): Promise<ChunkedHead<unknown> | null> {
  const parsed = headEnvelopeSchema.safeParse(await kvs.get(base));
  return parsed.success ? parsed.data : null;
}

/** Whether anything at all is stored under `base`, readable or not. */
export async function hasAnyValue(base: string): Promise<boolean> {
  return (await kvs.get(base)) !== undefined;
}

async function readCheckedHead<M>(
  base: string,
  schema: z.ZodType<M>,
): Promise<{ state: 'absent' } | { state: 'unreadable'; why: string } | { state: 'ok'; head: ChunkedHead<M> }> {
  const raw = await kvs.get(base);
  if (raw === undefined) return { state: 'absent' };
  const envelope = headEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { state: 'unreadable', why: `head ${describe(envelope.error)}` };
  const meta = schema.safeParse(envelope.data.meta);
  if (!meta.success) return { state: 'unreadable', why: `meta.${describe(meta.error)}` };
  // As stored, not rebuilt: nothing the schema does not name is lost.
  return { state: 'ok', head: raw as ChunkedHead<M> };
}

function checkChunk<T>(chunk: unknown, schema: z.ZodType<T>, index: number): { items: T[] } | { why: string } {
  // A missing chunk: the head was overwritten while reading, or the record is damaged.
  if (!Array.isArray(chunk)) return { why: `chunk ${index} is missing` };
  for (let i = 0; i < chunk.length; i++) {
    const parsed = schema.safeParse(chunk[i]);
    if (!parsed.success) return { why: `chunk ${index} item ${i} ${describe(parsed.error)}` };
  }
  return { items: chunk as T[] };
}

/** The head and every item, each checked against `schemas`. */
export async function readChunked<M, T>(base: string, schemas: ChunkedSchemas<M, T>): Promise<ChunkedRead<M, T>> {
  const head = await readCheckedHead(base, schemas.meta);
  if (head.state !== 'ok') return head;
  const { generation, chunkCount, meta } = head.head;
  const chunks = await Promise.all(Array.from({ length: chunkCount }, (_, index) => kvs.get<unknown>(chunkKey(base, generation, index))));
  const items: T[] = [];
  for (const [index, chunk] of chunks.entries()) {
    const checked = checkChunk(chunk, schemas.item, index);
    if ('why' in checked) return { state: 'unreadable', why: checked.why };
    items.push(...checked.items);
  }
  return { state: 'ok', meta, items };
}

/**
 * The head and the items of the first chunks, read one at a time until `enough` says a chunk
 * holds what the caller needs (or none is left). Each checked against `schemas`.
 */
export async function readChunkedUntil<M, T>(
  base: string,
  schemas: ChunkedSchemas<M, T>,
  enough: (chunk: T[]) => boolean,
): Promise<ChunkedRead<M, T>> {
  const head = await readCheckedHead(base, schemas.meta);
  if (head.state !== 'ok') return head;
  const { generation, chunkCount, meta } = head.head;
  const items: T[] = [];
  for (let index = 0; index < chunkCount; index++) {
    const checked = checkChunk(await kvs.get<unknown>(chunkKey(base, generation, index)), schemas.item, index);
    if ('why' in checked) return { state: 'unreadable', why: checked.why };
    items.push(...checked.items);
    if (enough(checked.items)) break;
  }
  return { state: 'ok', meta, items };
}

/** Removes the head first (readers stop following it), then its chunks. */
export async function deleteChunked(base: string): Promise<void> {
  const head = await readHead(base);
  await kvs.delete(base);
  if (head) await deleteChunks(base, head.generation, head.chunkCount);
}
