import { randomBytes } from 'node:crypto';
import { webTrigger } from '@forge/api';
import { claimSignature, readWebTriggerSecret, writeWebTriggerSecret, type WebTriggerSecret } from '../../storage/webTriggerSecret';
import type { Actor } from '../actor';
import { loadViewer } from '../viewer';
import { requireAdmin } from './requireAdmin';

export const AUTOMATION_WEB_TRIGGER_KEY = 'process-loop-automation-webhook';

/** The web trigger as the admin section shows it: the secret only to Jira admins. */
export interface WebTriggerSettings {
  url: string | null;
  secret: string | null;
  rotatedAt: string | null;
  rotatedBy: string | null;
}

async function webTriggerUrl(): Promise<string | null> {
  try {
    return await webTrigger.getUrl(AUTOMATION_WEB_TRIGGER_KEY);
  } catch (error) {
    console.warn('Could not get the web trigger URL', error);
    return null;
  }
}

function settingsOf(secret: WebTriggerSecret | null, url: string | null, admin: boolean): WebTriggerSettings {
  return {
    url,
    secret: admin ? (secret?.secret ?? null) : null,
    rotatedAt: secret?.rotatedAt ?? null,
    rotatedBy: secret?.rotatedBy ?? null,
  };
}

/**
 * The web trigger's URL and who last rotated its secret, read while the caller asks Jira whether the viewer is an
 * admin: the answer says whether they see the secret itself.
 */
export async function loadWebTriggerSettings(): Promise<(isJiraAdmin: boolean) => WebTriggerSettings> {
  const [secret, url] = await Promise.all([readWebTriggerSecret(), webTriggerUrl()]);
  return (isJiraAdmin) => settingsOf(secret, url, isJiraAdmin);
}

/** Jira admins: a new signing secret; requests signed with the old one stop working at once. */
export async function rotateWebTriggerSecret(actor: Actor): Promise<WebTriggerSettings> {
  const viewer = await loadViewer(actor);
  requireAdmin(viewer, 'rotate the web trigger secret');
  const secret = await writeWebTriggerSecret({
    secret: randomBytes(32).toString('hex'),
    rotatedAt: new Date().toISOString(),
    rotatedBy: viewer.accountId,
  });
  return settingsOf(secret, await webTriggerUrl(), true);
}

/** The secret the web trigger checks signatures with; null before an admin made one. */
export async function currentWebTriggerSecret(): Promise<{ secret: string } | null> {
  return readWebTriggerSecret();
}

/** Records a signature as used; false when it was used before (a replay). */
export function claimWebTriggerSignature(signatureHex: string, ttlSeconds: number): Promise<boolean> {
  return claimSignature(signatureHex, ttlSeconds);
}
