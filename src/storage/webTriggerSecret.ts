import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { isKeyTaken } from './keyTaken';

/**
 * The per-installation secret that signs web trigger requests, kept as a KVS secret (encrypted, not
 * listed by queries), and the signatures already accepted, remembered as long as a timestamp is fresh.
 */
const SECRET_KEY = 'webtrigger-signing-secret';
const SEEN_PREFIX = 'webtrigger-seen:';

const storedSecretSchema = z.object({
  schemaVersion: z.literal(1),
  secret: z.string().min(32),
  rotatedAt: z.string(),
  rotatedBy: z.string(),
});
export type WebTriggerSecret = z.infer<typeof storedSecretSchema>;

export async function readWebTriggerSecret(): Promise<WebTriggerSecret | null> {
  const parsed = storedSecretSchema.safeParse(await kvs.getSecret(SECRET_KEY));
  return parsed.success ? parsed.data : null;
}

export async function writeWebTriggerSecret(value: Omit<WebTriggerSecret, 'schemaVersion'>): Promise<WebTriggerSecret> {
  const stored: WebTriggerSecret = { schemaVersion: 1, ...value };
  await kvs.setSecret(SECRET_KEY, stored);
  return stored;
}

/**
 * Records a signature as used; false when it was already used (a replay). FAIL_IF_EXISTS makes two
 * concurrent deliveries of the same request race for one key: exactly one wins.
 */
export async function claimSignature(signatureHex: string, ttlSeconds: number): Promise<boolean> {
  try {
    await kvs.set(SEEN_PREFIX + signatureHex, 1, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: ttlSeconds, unit: 'SECONDS' } });
    return true;
  } catch (error) {
    if (isKeyTaken(error)) return false;
    throw error;
  }
}
