import { siteKeyOf } from '../../../src/resolvers/invocationContext';

/**
 * A warm Forge process serves many sites: a context without cloudId or installContext must never
 * fall back to a key other sites share, or their cached answers would be served to each other.
 */
type RuntimeGlobal = { __forge_runtime__?: unknown };
const runtimeGlobal = global as unknown as RuntimeGlobal;

function withRuntime(appContext: Record<string, unknown> | undefined, run: () => void): void {
  const saved = runtimeGlobal.__forge_runtime__;
  runtimeGlobal.__forge_runtime__ = appContext ? { appContext, lambdaContext: {} } : undefined;
  try {
    run();
  } finally {
    runtimeGlobal.__forge_runtime__ = saved;
  }
}

const anAppContext = (installationId: string, cloudId?: string) => ({
  appId: 'app-1',
  environmentId: 'env-1',
  installationId,
  ...(cloudId ? { installation: { contexts: [{ cloudId }] } } : {}),
});

describe('siteKeyOf without cloudId or installContext', () => {
  it('keys by the running invocation’s site or installation', () => {
    withRuntime(anAppContext('inst-a', 'cloud-a'), () => expect(siteKeyOf({})).toBe('site:cloud-a'));
    let a = '';
    let b = '';
    withRuntime(anAppContext('inst-a'), () => (a = siteKeyOf({})));
    withRuntime(anAppContext('inst-b'), () => (b = siteKeyOf({})));
    expect(a).toBe('installation:inst-a');
    expect(b).not.toBe(a);
  });

  it('never shares a key between calls when no site is known at all', () => {
    withRuntime(undefined, () => {
      const first = siteKeyOf({});
      const second = siteKeyOf({});
      expect(first).not.toBe(second);
      expect(first).not.toBe('unknown-site');
    });
  });
});
