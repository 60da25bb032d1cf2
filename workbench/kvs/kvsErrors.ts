/**
 * What Forge's storage service answers when it refuses a request: a non-2xx status with
 * `{code, message}`. `@forge/kvs` turns that body into a `ForgeKvsAPIError` carrying `code`
 * (and treats `KEY_NOT_FOUND` on get/delete as "absent").
 *
 * Codes come from Atlassian's "Error handling for the Key-Value Store / Custom Entity Store"
 * pages where one is published; the transaction and batch codes marked below are not published
 * and are named after the limit they enforce.
 */
export type KvsErrorCode =
  // published: keys and values
  | 'KEY_NOT_FOUND'
  | 'KEY_TOO_SHORT'
  | 'KEY_TOO_LONG'
  | 'INVALID_KEY'
  | 'MAX_SIZE'
  | 'MAX_DEPTH'
  // published: KVS queries
  | 'INVALID_FILTER_CONDITION'
  | 'INVALID_FILTER_VALUES'
  | 'LIST_QUERY_LIMIT_EXCEEDED'
  | 'QUERY_WHERE_INVALID'
  | 'QUERY_WHERE_FIELD_INVALID'
  // published: custom entities
  | 'ENTITY_TYPE_TOO_SHORT'
  | 'ENTITY_TYPE_TOO_LARGE'
  | 'INVALID_ENTITY_TYPE'
  | 'INVALID_ENTITY_VALUE'
  | 'INVALID_ENTITY_INDEX'
  | 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE'
  | 'EMPTY_FILTER_OPERATOR'
  | 'INVALID_FILTER_OPERATORS_COMBINATION'
  | 'INSUFFICIENT_FILTER_VALUES'
  | 'RATE_LIMIT_EXCEEDED'
  // not published: named after the rule they enforce
  | 'INVALID_REQUEST'
  | 'KEY_ALREADY_EXISTS'
  | 'TOO_MANY_OPERATIONS'
  | 'PAYLOAD_TOO_LARGE'
  | 'DUPLICATE_KEYS'
  | 'EMPTY_REQUEST'
  | 'CONDITION_CHECK_FAILED'
  | 'UNKNOWN_PATH';

export class KvsRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: KvsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KvsRequestError';
  }

  toBody(): { code: KvsErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Most refusals are a 400 with a code; this keeps the call sites short. */
export const badRequest = (code: KvsErrorCode, message: string) => new KvsRequestError(400, code, message);
