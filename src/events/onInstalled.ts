import { ensureImprovementIssueType } from '../useCases/improvements/ensureImprovementIssueType';

/**
 * `avi:forge:installed:app`: creates the "Process Improvement" issue type when the site has none.
 * Runs as the app (a lifecycle event has no user). Idempotent: redeliveries and re-installs find
 * the remembered or same-named type; a collision is stored for the project page to explain.
 * Errors are logged, not thrown: a failed install hook must not fail the installation, and the
 * project page's "Enable for this project" tries again.
 */
export async function onInstalled(_event: unknown): Promise<{ outcome: string; typeId?: string; problem?: string }> {
  try {
    const result = await ensureImprovementIssueType();
    if (result.outcome === 'collision') console.warn(`Process Improvement issue type not created: ${result.problem}`);
    return result;
  } catch (error) {
    console.error('Creating the Process Improvement issue type failed', error);
    return { outcome: 'failed', problem: error instanceof Error ? error.message : String(error) };
  }
}
