import { readInvocationContext, siteKeyOf } from '../../../src/resolvers/invocationContext';

describe('siteKeyOf', () => {
  it('keys by cloudId, or by the site in installContext', () => {
    expect(siteKeyOf(readInvocationContext({ accountId: 'u', cloudId: 'c-1' }))).toBe('site:c-1');
    expect(siteKeyOf(readInvocationContext({ accountId: 'u', installContext: 'ari:cloud:jira::site/c-1' }))).toBe('site:c-1');
  });

  it('gives different sites different keys', () => {
    expect(siteKeyOf({ cloudId: 'c-1' })).not.toBe(siteKeyOf({ cloudId: 'c-2' }));
  });
});
