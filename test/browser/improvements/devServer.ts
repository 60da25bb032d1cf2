// Manual check only (not a test): `PORT=8931 npx tsx test/browser/improvements/devServer.ts` serves an
// in-memory workbench with the improvement tests' seed, so nobody's .workbench-data is touched.
import { DEMO_ACCOUNT_IDS } from '../../../workbench/datasets/siteBasics';
import { buildDemoDataset } from '../../../workbench/datasets/demoDataset';
import { createWorkbenchPlatform } from '../../../workbench/platform';
import { startWorkbenchServer } from '../../../workbench/server';
import { invokerFor, seedIncidentProcess } from './seedIncidentProcess';

async function main() {
  const dataset = buildDemoDataset();
  const platform = createWorkbenchPlatform({ dataFile: null, dataset });
  const server = await startWorkbenchServer({
    port: Number(process.env.PORT ?? 0),
    platform,
    log: (line: string) => line.startsWith('ERROR') && console.error(line),
  });
  await seedIncidentProcess(invokerFor(platform, dataset.site.cloudId), {
    admin: DEMO_ACCOUNT_IDS.admin,
    apo: DEMO_ACCOUNT_IDS.apo,
    asm: DEMO_ACCOUNT_IDS.asm,
  });
  console.log(`ready ${server.url}`);
}

void main();
