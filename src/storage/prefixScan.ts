import { kvs, WhereConditions } from '@forge/kvs';

/**
 * Every stored value under a key prefix, in key order, page by page (Forge answers at most 100 a
 * query). `read` turns each entry into a record or null (unreadable: skipped), so callers keep
 * their own schema checks and what they log.
 */
export async function scanPrefix<T>(prefix: string, read: (key: string, value: unknown) => T | null): Promise<T[]> {
  const records: T[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    for (const { key, value } of page.results) {
      const record = read(key, value);
      if (record !== null) records.push(record);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return records;
}
