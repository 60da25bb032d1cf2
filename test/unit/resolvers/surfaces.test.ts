import fs from 'node:fs';
import path from 'node:path';
import { resolverKeys, type ResolverKey } from '../../../src/contract';
import { AUTOMATION_ACTION_KEYS } from '../../../src/contract/automationContract';
import * as app from '../../../src/index';
import { surfaceKeys, type Surface } from '../../../src/resolvers/surfaces';
import { findModule, readManifest } from '../../../workbench/manifest/readManifest';

/** Least privilege: each Custom UI surface's Forge function exposes exactly the resolver keys that surface calls. */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = readManifest(path.join(ROOT, 'manifest.yml'));

const SURFACES: Array<{ surface: Surface; app: string; modules: string[]; handler: string }> = [
  { surface: 'issuePanel', app: 'issue-panel', modules: ['process-loop-issue-panel'], handler: 'issuePanelResolver' },
  { surface: 'projectPage', app: 'project-page', modules: ['process-loop-project-page'], handler: 'projectPageResolver' },
  { surface: 'automationConfig', app: 'automation-config', modules: [...AUTOMATION_ACTION_KEYS], handler: 'automationConfigResolver' },
];

function builtScripts(dir: string): string {
  if (!fs.existsSync(dir)) throw new Error(`${path.relative(ROOT, dir)} is missing: run npm run build first (npm test does).`);
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

/** Contract keys that a built Custom UI app names as string literals: what it can invoke. */
function keysCalledBy(appName: string): ResolverKey[] {
  const code = builtScripts(path.join(ROOT, 'static', appName, 'build'));
  return resolverKeys.filter((key) => new RegExp(`["'\`]${key}["'\`]`).test(code));
}

describe('resolver surfaces', () => {
  it.each(SURFACES)('$app modules use their own resolver function, $handler', ({ modules, handler }) => {
    for (const moduleKey of modules) {
      const functionKey = (findModule(manifest, moduleKey)?.module.resolver as { function?: string } | undefined)?.function;
      expect(functionKey && manifest.functions[functionKey]).toBe(`index.${handler}`);
    }
    expect(typeof (app as Record<string, unknown>)[handler]).toBe('function');
  });

  it('serves every contract key from some surface', () => {
    const served = new Set<ResolverKey>(Object.values(surfaceKeys).flat());
    expect(resolverKeys.filter((key) => !served.has(key))).toEqual([]);
  });

  it.each(SURFACES)('exposes to $app exactly the keys its UI calls', ({ surface, app: appName }) => {
    expect([...keysCalledBy(appName)].sort()).toEqual([...surfaceKeys[surface]].sort());
  });

  it("lists the manifest's automation actions once, in the contract", () => {
    expect(manifest.actions.map((action) => action.key).sort()).toEqual([...AUTOMATION_ACTION_KEYS].sort());
  });
});
