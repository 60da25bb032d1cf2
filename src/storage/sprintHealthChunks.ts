import { kvs } from '@forge/kvs';

/**
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
 * none exists; returns false (and removes its own chunks) when another writer was first.
 * When chunks and head fit one transaction (≤ 25 operations) and the head may be overwritten, all
 * is one transaction.
 */
export async function writeChunked<M, T>(base: string, meta: M, items: readonly T[], policy: HeadPolicy): Promise<{ written: boolean; previous: ChunkedHead<M> | null }> {
  const generation = newGeneration();
  const chunks = splitIntoChunks(items);
  const head: ChunkedHead<M> = { schemaVersion: 1, generation, chunkCount: chunks.length, meta };
  const sets: Array<[string, unknown]> = chunks.map((chunk, index) => [chunkKey(base, generation, index), chunk]);
  const previous = await readHead<M>(base);
  if (policy === 'first-write-wins') {
    if (previous) return { written: false, previous };
    await writeInTransactions(sets);
    try {
      await kvs.set(base, head, { keyPolicy: 'FAIL_IF_EXISTS' });
    } catch (error) {
      if (!isKeyExists(error)) throw error;
      await deleteChunks(base, generation, chunks.length);
      return { written: false, previous: await readHead<M>(base) };
    }
    return { written: true, previous: null };
  }
  if (sets.length + 1 <= TRANSACTION_MAX_OPS) {
    await writeInTransactions([...sets, [base, head]]);
  } else {
    await writeInTransactions(sets);
    await kvs.set(base, head);
  }
  if (previous) await deleteChunks(base, previous.generation, previous.chunkCount);
  return { written: true, previous };
}

function isKeyExists(error: unknown): boolean {
  const text = `${(error as { code?: unknown }).code ?? ''} ${(error as Error).message ?? ''}`;
  return /KEY_ALREADY_EXISTS|already exists|409/i.test(text);
}

async function deleteChunks(base: string, generation: string, count: number): Promise<void> {
  // Best effort: an orphaned chunk wastes space but is never read.
  for (let index = 0; index < count; index++) await kvs.delete(chunkKey(base, generation, index)).catch(() => undefined);
}

export async function readHead<M>(base: string): Promise<ChunkedHead<M> | null> {
  const head = (await kvs.get<ChunkedHead<M>>(base)) ?? null;
  return head && head.schemaVersion === 1 && typeof head.generation === 'string' ? head : null;
}

/** The head and every item, or null when nothing (complete) is stored. */
export async function readChunked<M, T>(base: string): Promise<{ meta: M; items: T[] } | null> {
  const head = await readHead<M>(base);
  if (!head) return null;
  const chunks = await Promise.all(
    Array.from({ length: head.chunkCount }, (_, index) => kvs.get<T[]>(chunkKey(base, head.generation, index))),
  );
  const items: T[] = [];
  for (const chunk of chunks) {
    // A missing chunk means the head was overwritten while reading: treat as not stored.
    if (!Array.isArray(chunk)) return null;
    items.push(...chunk);
  }
  return { meta: head.meta, items };
}

/**
 * The head and the items of the first chunks, read one at a time until `enough` says a chunk
 * holds what the caller needs (or none is left). Null when nothing (complete) is stored.
 */
export async function readChunkedUntil<M, T>(base: string, enough: (chunk: T[]) => boolean): Promise<{ meta: M; items: T[] } | null> {
  const head = await readHead<M>(base);
  if (!head) return null;
  const items: T[] = [];
  for (let index = 0; index < head.chunkCount; index++) {
    const chunk = await kvs.get<T[]>(chunkKey(base, head.generation, index));
    if (!Array.isArray(chunk)) return null;
    items.push(...chunk);
    if (enough(chunk)) break;
  }
  return { meta: head.meta, items };
}

/** Removes the head first (readers stop following it), then its chunks. */
export async function deleteChunked(base: string): Promise<void> {
  const head = await readHead(base);
  await kvs.delete(base);
  if (head) await deleteChunks(base, head.generation, head.chunkCount);
}
