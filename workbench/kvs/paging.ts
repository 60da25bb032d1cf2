import { badRequest } from './kvsErrors';

/**
 * Cursor paging over rows sorted by a tuple (`[key]` for KVS queries, `[rangeValue, key]` for
 * entity indexes). The cursor names the last row returned, not a position, so writes between
 * two pages neither repeat nor skip the rows that stayed.
 */
export type SortTuple = Array<string | number | boolean>;

function typeRank(value: unknown): number {
  return typeof value === 'boolean' ? 0 : typeof value === 'number' ? 1 : 2;
}

export function compareTuples(a: SortTuple, b: SortTuple): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x !== typeof y) return typeRank(x) - typeRank(y);
    return x < y ? -1 : 1;
  }
  return 0;
}

function encodeCursor(tuple: SortTuple): string {
  return Buffer.from(JSON.stringify(tuple), 'utf8').toString('base64url');
}

function decodeCursor(cursor: unknown): SortTuple {
  if (typeof cursor !== 'string' || cursor === '') throw badRequest('INVALID_REQUEST', 'The cursor must be a non-empty string.');
  try {
    const tuple = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(tuple)) return tuple as SortTuple;
  } catch {
    // falls through to the error below
  }
  throw badRequest('INVALID_REQUEST', 'The cursor is not one this store handed out.');
}

export function pageOf<T>(
  rows: T[],
  sortTuple: (row: T) => SortTuple,
  options: { cursor?: unknown; limit: number; descending?: boolean },
): { page: T[]; cursor?: string } {
  const direction = options.descending ? -1 : 1;
  const ordered = [...rows].sort((a, b) => direction * compareTuples(sortTuple(a), sortTuple(b)));
  let start = 0;
  if (options.cursor !== undefined && options.cursor !== null) {
    const after = decodeCursor(options.cursor);
    start = ordered.findIndex((row) => direction * compareTuples(sortTuple(row), after) > 0);
    if (start < 0) start = ordered.length;
  }
  const page = ordered.slice(start, start + options.limit);
  const last = page[page.length - 1];
  // A cursor only when more rows follow, so `while (cursor)` loops end.
  const more = start + options.limit < ordered.length;
  return more && last !== undefined ? { page, cursor: encodeCursor(sortTuple(last)) } : { page };
}
