/**
 * Stands in for `iframe-resizer` (aliased in viteAppConfig.ts). Only @forge/bridge's ADF renderer
 * loads it, which these apps never use; shipping it would cost ~10 KB gzip of the panel's budget.
 */
export function iframeResizer(): never {
  throw new Error('Process Loop does not render ADF in its own frame.');
}
export default { iframeResizer };
