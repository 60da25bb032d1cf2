import type { WorkbenchPlatform } from '../platform';

/**
 * What the HTTP server uses of the platform (`createWorkbenchPlatform`): its store, the Jira stand-in,
 * the app host and the manifest. The server never reaches past these.
 */
export type ServerPlatform = Pick<WorkbenchPlatform, 'store' | 'jira' | 'host' | 'manifest'>;
