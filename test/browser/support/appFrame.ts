import type { Frame } from 'playwright-core';
import type { WorkbenchPage } from './browserWorkbench';

/**
 * The Custom UI iframe as a Frame, for `evaluate` inside the app (the page's own `appFrame()` is a
 * locator, which cannot run scripts).
 */
export function appFrame(page: WorkbenchPage): Frame {
  const frame = page.page.frames().find((candidate) => candidate.url().includes('/apps/'));
  if (!frame) throw new Error('No Custom UI frame on the page.');
  return frame;
}
