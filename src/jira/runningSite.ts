import { randomUUID } from 'node:crypto';
import { getAppContext } from '@forge/api';

/**
 * The site of the running invocation, keyed as `siteKeyOf` keys it (`site:<cloudId>`), else its
 * installation (one installation, one site). Forge reuses a warm process across customers, so
 * when neither is known the answer is a key no other call shares: nothing cached or paused under
 * it can reach another site (a constant such as "unknown-site" would be shared by all of them).
 */
export function siteOfRunningInvocation(): string {
  try {
    const context = getAppContext();
    const cloudId = context.installation?.contexts.find((ari) => ari.cloudId)?.cloudId;
    if (cloudId) return `site:${cloudId}`;
    const installationId = context.installationAri.installationId;
    if (installationId) return `installation:${installationId}`;
  } catch {
    // No Forge runtime: fall through to an unshared key.
  }
  return `unknown-site:${randomUUID()}`;
}
