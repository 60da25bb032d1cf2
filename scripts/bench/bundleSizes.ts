import { spawnSync } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * The Custom UI bundle sizes, from `scripts/size.ts` itself: it exports no function (it measures
 * and calls `process.exit` on load), so it is run as its own process rather than imported or copied.
 */
export function bundleSizeReport(): { text: string; ok: boolean } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'scripts', 'size.ts')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.error) return { text: `scripts/size.ts could not run: ${run.error.message}`, ok: false };
  const text = [run.stdout.trimEnd(), run.stderr.trimEnd()].filter(Boolean).join('\n');
  return { text: text || '(scripts/size.ts printed nothing)', ok: run.status === 0 };
}
