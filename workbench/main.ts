import fs from 'node:fs';
import path from 'node:path';
import { buildDemoDataset } from './datasets/demoDataset';
import { playDemoStory } from './demo/demoStory';
import { createWorkbenchPlatform } from './platform';
import { startWorkbenchServer } from './server';
import { siteSample } from './server/jiraReads';
import { staleSprintsWarning } from './staleSprints';

/**
 * `npm start`: the workbench on http://localhost:$PORT (default 8080), its state kept in
 * .workbench-data/workbench.log (WORKBENCH_DATA_FILE to keep it elsewhere). The demo dataset is loaded,
 * and the demo story played on it, only when that store has no Jira data yet (the first start, or after
 * the file was deleted); POST /workbench/reset does both again on demand.
 */
const REPO_ROOT = path.resolve(__dirname, '..');
const DATA_FILE = process.env.WORKBENCH_DATA_FILE
  ? path.resolve(process.env.WORKBENCH_DATA_FILE)
  : path.join(REPO_ROOT, '.workbench-data', 'workbench.log');

function readPort(): number {
  const raw = process.env.PORT ?? '8080';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${JSON.stringify(raw)}.`);
  return port;
}

function missingBuilds(): string[] {
  return ['issue-panel', 'project-page'].filter((app) => !fs.existsSync(path.join(REPO_ROOT, 'static', app, 'build', 'index.html')));
}

async function main(): Promise<void> {
  const port = readPort();
  fs.mkdirSync(path.dirname(DATA_FILE), { recursive: true });
  const platform = createWorkbenchPlatform({ dataFile: DATA_FILE, backgroundQueues: true });
  if (!platform.jira.hasData()) {
    // The first start: the Jira data, then the story fills the app's side.
    const dataset = buildDemoDataset();
    platform.jira.loadDataset(dataset);
    process.stdout.write('Loading the demo: dataset loaded, playing the story through the app… ');
    try {
      const report = await playDemoStory(platform, dataset);
      platform.jira.clearRequestLog();
      const links = Object.values(report.links).reduce((sum, count) => sum + count, 0);
      const took = (report.tookMs / 1000).toFixed(1);
      console.log(`done in ${took} s (${report.processes} processes, ${links} linked issues, ${report.reviews} sprint reviews).`);
    } catch (error) {
      // Half a story must not be kept: the next start would take it for the user's own data.
      platform.store.clearAll();
      platform.close();
      throw error;
    }
  }
  const server = await startWorkbenchServer({
    port,
    demoDataset: () => buildDemoDataset(),
    host: process.env.HOST ?? '127.0.0.1',
    platform,
    // Avatars, links and web trigger URLs follow the port served now, not the one stored on the first start.
    siteUrl: (actualPort) => `http://localhost:${actualPort}`,
    ...(process.env.WORKBENCH_LOG === '1'
      ? { log: (line: string) => console.log(line) }
      : { log: (line: string) => line.startsWith('ERROR') && console.error(line) }),
  });

  const base = `http://localhost:${server.port}`;
  const site = platform.jira.site();
  const missing = missingBuilds();
  console.log(`\nProcess Loop workbench is running (data: ${path.relative(process.cwd(), DATA_FILE)}, site ${site.baseUrl}).\n`);
  console.log(`  Start page      ${base}/`);
  const sample = await siteSample(platform, { kind: 'app' }, 1);
  for (const issue of sample.issues.slice(0, 2)) console.log(`  Issue panel     ${base}/browse/${issue.key}`);
  for (const project of sample.projects) console.log(`  Project page    ${base}/projects/${project.key}/process-loop`);
  console.log(`  Users (API)     ${base}/workbench/users`);
  if (missing.length > 0) console.log(`\n  Not built: ${missing.join(', ')}. Run npm run build.`);
  const stale = staleSprintsWarning(platform.jira.sprints(), new Date(), path.relative(process.cwd(), DATA_FILE));
  if (stale) console.log(`\n  ${stale}`);
  console.log('\nCtrl-C stops it.\n');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the workbench…`);
    server
      .close()
      .catch((error: unknown) => console.error('Closing the server failed:', error))
      .finally(() => {
        platform.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
