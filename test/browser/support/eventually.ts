import type { Locator } from 'playwright-core';

/**
 * A live region's text once it has settled on what the test expects (or the last text seen when
 * `timeoutMs` runs out, so the assertion that follows fails with something useful). Live regions
 * update after the resolver answers, so reading them straight after a click races the app.
 */
export async function textEventually(locator: Locator, matches: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  for (;;) {
    text = (await locator.textContent()) ?? '';
    if (matches(text) || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
