/** Whether a `keyPolicy: 'FAIL_IF_EXISTS'` write lost to an earlier one (Forge KVS answers `KEY_ALREADY_EXISTS`). */
export const isKeyTaken = (error: unknown) => (error as { code?: unknown } | null)?.code === 'KEY_ALREADY_EXISTS';
