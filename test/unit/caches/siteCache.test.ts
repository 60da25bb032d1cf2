import { SiteCache } from '../../../src/caches/siteCache';

describe('SiteCache', () => {
  it('keeps sites (and users) apart', () => {
    const cache = new SiteCache<string>({ ttlMs: 1000 });
    cache.set({ site: 'a' }, 'k', 'site a');
    cache.set({ site: 'a', accountId: 'u1' }, 'k', 'user 1 on a');

    expect(cache.get({ site: 'a' }, 'k')).toBe('site a');
    expect(cache.get({ site: 'b' }, 'k')).toBeUndefined();
    expect(cache.get({ site: 'a', accountId: 'u1' }, 'k')).toBe('user 1 on a');
    expect(cache.get({ site: 'a', accountId: 'u2' }, 'k')).toBeUndefined();
  });

  it('forgets an entry once its time is up', () => {
    let now = 0;
    const cache = new SiteCache<number>({ ttlMs: 1000, now: () => now });
    cache.set({ site: 'a' }, 'k', 1);
    now = 999;
    expect(cache.get({ site: 'a' }, 'k')).toBe(1);
    now = 1000;
    expect(cache.get({ site: 'a' }, 'k')).toBeUndefined();
  });

  it('drops the oldest entries beyond its size', () => {
    const cache = new SiteCache<number>({ ttlMs: Infinity, maxEntries: 2 });
    cache.set({ site: 'a' }, '1', 1);
    cache.set({ site: 'a' }, '2', 2);
    cache.set({ site: 'a' }, '3', 3);
    expect(cache.size).toBe(2);
    expect(cache.get({ site: 'a' }, '1')).toBeUndefined();
  });

  it('loads once for concurrent callers and does not keep a failure', async () => {
    const cache = new SiteCache<string>({ ttlMs: Infinity });
    let loads = 0;
    const load = () => Promise.resolve(`v${++loads}`);
    const [first, second] = await Promise.all([cache.getOrLoad({ site: 'a' }, 'k', load), cache.getOrLoad({ site: 'a' }, 'k', load)]);
    expect([first, second, loads]).toEqual(['v1', 'v1', 1]);

    await expect(cache.getOrLoad({ site: 'b' }, 'k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.getOrLoad({ site: 'b' }, 'k', load)).toBe('v2');
  });

  it('clears one site without touching another', () => {
    const cache = new SiteCache<number>({ ttlMs: Infinity });
    cache.set({ site: 'a', accountId: 'u' }, 'k', 1);
    cache.set({ site: 'b' }, 'k', 2);
    cache.clear('a');
    expect(cache.get({ site: 'a', accountId: 'u' }, 'k')).toBeUndefined();
    expect(cache.get({ site: 'b' }, 'k')).toBe(2);
  });
});
