import { DomainError } from '../../domain/errors';
import type { Viewer } from '../viewer';

/** Settings that act for the whole site (rules, the web trigger's secret) are Jira admins' alone. */
export function requireAdmin(viewer: Viewer, what: string): void {
  if (!viewer.isJiraAdmin) throw new DomainError('forbidden', `Only Jira administrators can ${what}.`);
}
