import { checkSignature, signRequest } from '../../../../src/webtrigger/signature';

const SECRET = 'a'.repeat(64);
const NOW = 1_770_000_000;
const body = '{"action":"link-issue","issueKey":"ITSM-1","processKey":"INC"}';
const signed = (timestamp: number, text = body, secret = SECRET) => ({
  secret: SECRET,
  timestampHeader: String(timestamp),
  signatureHeader: `sha256=${signRequest(secret, timestamp, text)}`,
  body,
  nowSeconds: NOW,
});

describe('web trigger signatures', () => {
  it('accepts a fresh signature over timestamp and body', () => {
    expect(checkSignature(signed(NOW - 10))).toEqual({ ok: true, signatureHex: signRequest(SECRET, NOW - 10, body) });
  });

  it.each([
    ['another secret', signed(NOW, body, 'b'.repeat(64)), 'mismatch'],
    ['another body', signed(NOW, body.replace('INC', 'CHG')), 'mismatch'],
    ['a timestamp older than five minutes', signed(NOW - 301), 'stale'],
    ['a timestamp from the future', signed(NOW + 301), 'stale'],
    ['no signature', { ...signed(NOW), signatureHeader: undefined }, 'missing'],
    ['a signature that is not hex', { ...signed(NOW), signatureHeader: 'sha256=zz' }, 'malformed'],
    ['a timestamp that is not a number', { ...signed(NOW), timestampHeader: 'yesterday' }, 'malformed'],
  ])('rejects %s', (_what, input, reason) => {
    expect(checkSignature(input)).toEqual({ ok: false, reason });
  });
});
