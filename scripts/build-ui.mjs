// Builds every Custom UI app (static/<app>/ with an index.html and a vite.config.ts) into
// static/<app>/build, the folders manifest.yml's resources point at. `npm run build` runs this.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = path.join(repoRoot, 'static');

/** The app folders under static/, in a stable order. */
export function customUiApps() {
  return readdirSync(staticDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => existsSync(path.join(staticDir, name, 'index.html')) && existsSync(path.join(staticDir, name, 'vite.config.ts')))
    .sort();
}

export async function buildCustomUiApps({ quiet = false } = {}) {
  const apps = customUiApps();
  for (const app of apps) {
    const appDir = path.join(staticDir, app);
    const started = Date.now();
    await build({ configFile: path.join(appDir, 'vite.config.ts'), root: appDir, logLevel: quiet ? 'error' : 'warn' });
    if (!quiet) console.log(`built static/${app}/build in ${Date.now() - started} ms`);
  }
  return apps;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildCustomUiApps().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
