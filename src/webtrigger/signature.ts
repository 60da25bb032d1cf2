import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How callers of the automation web trigger prove they hold the installation's secret:
 *
 *   X-Process-Loop-Timestamp: <unix seconds>
 *   X-Process-Loop-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 *
 * The timestamp is signed with the body so an old request cannot be replayed with a new one, and
 * must be within five minutes of now. Pure: no `@forge` import.
 */
export const TIMESTAMP_HEADER = 'x-process-loop-timestamp';
export const SIGNATURE_HEADER = 'x-process-loop-signature';
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export function signRequest(secret: string, timestampSeconds: number | string, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
}

export type SignatureCheck = { ok: true; signatureHex: string } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export function checkSignature(input: {
  secret: string;
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  body: string;
  nowSeconds: number;
}): SignatureCheck {
  const { timestampHeader, signatureHeader } = input;
  if (!timestampHeader || !signatureHeader) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestampHeader.trim())) return { ok: false, reason: 'malformed' };
  const match = /^sha256=([0-9a-f]{64})$/i.exec(signatureHeader.trim());
  if (!match?.[1]) return { ok: false, reason: 'malformed' };
  const timestamp = Number(timestampHeader.trim());
  if (Math.abs(input.nowSeconds - timestamp) > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signRequest(input.secret, timestampHeader.trim(), input.body), 'hex');
  const given = Buffer.from(match[1].toLowerCase(), 'hex');
  // Both are 32 bytes here (the pattern fixed the length), so timingSafeEqual cannot throw.
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'mismatch' };
  return { ok: true, signatureHex: match[1].toLowerCase() };
}
