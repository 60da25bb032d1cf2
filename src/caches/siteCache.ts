/**
 * A small in-memory cache partitioned by Jira site (and by user for values a user may not share).
 * Forge reuses a warm process for many customers, so every entry is keyed by the site it came from:
 * one site's answer must never be served to another.
 */
export interface CacheScope {
  /** The site the value came from: `siteKeyOf(context)`. */
  site: string;
  /** Set when the value depends on what this user may see. */
  accountId?: string;
}

export interface SiteCacheOptions {
  /** How long an entry stays fresh; `Infinity` for facts that never change on a site. */
  ttlMs: number;
  /** Oldest entries are dropped beyond this, so a long-lived process cannot grow without bound. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
}

export class SiteCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly loading = new Map<string, Promise<V>>();
  private readonly now: () => number;

  constructor(private readonly options: SiteCacheOptions) {
    // Read at each use, not captured: a test's clock (or a patched Date.now) applies to caches made before it.
    this.now = options.now ?? (() => Date.now());
  }

  get(scope: CacheScope, key: string): V | undefined {
    const id = entryId(scope, key);
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.value;
  }

  set(scope: CacheScope, key: string, value: V, ttlMs = this.options.ttlMs): void {
    const id = entryId(scope, key);
    this.entries.delete(id); // re-insert so insertion order stays "oldest first" for eviction
    this.entries.set(id, { value, expiresAt: this.now() + ttlMs });
    const max = this.options.maxEntries ?? 1000;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= max) break;
      this.entries.delete(oldest);
    }
  }

  /** The cached value, or the result of `load` (cached only when it succeeds). Concurrent callers share one load. */
  async getOrLoad(scope: CacheScope, key: string, load: () => Promise<V>, ttlMs?: number): Promise<V> {
    const cached = this.get(scope, key);
    if (cached !== undefined) return cached;
    const id = entryId(scope, key);
    const pending = this.loading.get(id);
    if (pending) return pending;
    const promise = load()
      .then((value) => {
        this.set(scope, key, value, ttlMs);
        return value;
      })
      .finally(() => this.loading.delete(id));
    this.loading.set(id, promise);
    return promise;
  }

  delete(scope: CacheScope, key: string): void {
    this.entries.delete(entryId(scope, key));
  }

  /** Forgets everything of one site (all users), or everything. */
  clear(site?: string): void {
    if (site === undefined) {
      this.entries.clear();
      return;
    }
    for (const id of [...this.entries.keys()]) {
      if ((JSON.parse(id) as [string])[0] === site) this.entries.delete(id);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

// JSON keeps the parts apart whatever characters a key holds.
const entryId = (scope: CacheScope, key: string): string => JSON.stringify([scope.site, scope.accountId ?? null, key]);
