import { badRequest } from './kvsErrors';

/**
 * Forge's published storage limits ("KVS and Custom Entity Store limits", "KVS Transactions",
 * "Executing batch operations"). The workbench enforces them so the app cannot come to rely on
 * something production rejects. Where Atlassian's pages disagree (object depth 31 vs 32), the
 * stricter number is used.
 */
export const KVS_LIMITS = {
  keyMaxLength: 500,
  /** Published as /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/: letters, digits, `:` `.` `_` `-` `#` and whitespace, not only whitespace. */
  keyPattern: /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/,
  valueMaxBytes: 240 * 1024,
  valueMaxDepth: 31,
  queryMaxLimit: 100,
  /** What a query without `limit` returns per page. */
  queryDefaultLimit: 10,
  transactionMaxOperations: 25,
  transactionMaxBytes: 4 * 1024 * 1024,
  batchMaxItems: 25,
  batchMaxBytes: 4 * 1024 * 1024,
  entityNameMinLength: 3,
  entityNameMaxLength: 60,
  entityNamePattern: /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/,
} as const;

export function assertValidKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) {
    throw badRequest('KEY_TOO_SHORT', 'The key must be a string of at least one character.');
  }
  if (key.length > KVS_LIMITS.keyMaxLength) {
    throw badRequest('KEY_TOO_LONG', `The key has ${key.length} characters; the maximum is ${KVS_LIMITS.keyMaxLength}.`);
  }
  if (!KVS_LIMITS.keyPattern.test(key)) {
    throw badRequest(
      'INVALID_KEY',
      `The key "${key}" does not match /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/ (letters, digits, ":", ".", "_", "-", "#" and spaces).`,
    );
  }
}

/** Nesting depth of a JSON value: a scalar is 0, `{a: 1}` is 1, `{a: [1]}` is 2. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

export function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

export function assertValidValue(value: unknown): void {
  if (value === undefined || value === null) {
    throw badRequest('INVALID_REQUEST', 'A value is required (string, number, boolean, object or array).');
  }
  const bytes = byteLength(value);
  if (bytes > KVS_LIMITS.valueMaxBytes) {
    throw badRequest('MAX_SIZE', `The value is ${bytes} bytes; the maximum is ${KVS_LIMITS.valueMaxBytes} (240 KiB).`);
  }
  const depth = depthOf(value);
  if (depth > KVS_LIMITS.valueMaxDepth) {
    throw badRequest('MAX_DEPTH', `The value is nested ${depth} levels deep; the maximum is ${KVS_LIMITS.valueMaxDepth}.`);
  }
}

export function assertValidEntityName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length < KVS_LIMITS.entityNameMinLength) {
    throw badRequest('ENTITY_TYPE_TOO_SHORT', `The entity name must have at least ${KVS_LIMITS.entityNameMinLength} characters.`);
  }
  if (name.length > KVS_LIMITS.entityNameMaxLength) {
    throw badRequest('ENTITY_TYPE_TOO_LARGE', `The entity name must have at most ${KVS_LIMITS.entityNameMaxLength} characters.`);
  }
  if (!KVS_LIMITS.entityNamePattern.test(name)) {
    throw badRequest('INVALID_ENTITY_TYPE', `The entity name "${name}" may only hold a-z, 0-9, ":", "-", "_" and ".".`);
  }
}

/** Page size of a query: 1..100, default 10. */
export function pageLimit(limit: unknown, code: 'LIST_QUERY_LIMIT_EXCEEDED' | 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE'): number {
  if (limit === undefined || limit === null) return KVS_LIMITS.queryDefaultLimit;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > KVS_LIMITS.queryMaxLimit) {
    throw badRequest(code, `The page limit must be a whole number from 1 to ${KVS_LIMITS.queryMaxLimit}; got ${JSON.stringify(limit)}.`);
  }
  return limit;
}
