import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanJiraCallSites } from '../../workbench/contract/callSites';
import { auditScopes, platformScopesUsed } from '../../workbench/contract/scopeAudit';
import { manifestScopes, REPO_ROOT } from './jiraExchangeBuilders';

/** A throw-away app tree holding the given source files, to show the scanner and audit can fail. */
function appWith(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'call-sites-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('Jira call sites in the app', () => {
  const sites = scanJiraCallSites(REPO_ROOT);
  const audit = auditScopes({ sites, manifestScopes: manifestScopes(), platformScopes: platformScopesUsed(REPO_ROOT) });

  it('are found in src/ and static/', () => {
    expect(sites.some((s) => s.file.startsWith('src/'))).toBe(true);
    expect(sites.every((s) => s.path.startsWith('/rest/'))).toBe(true);
  });

  it('each map to a current Jira operation whose scopes manifest.yml declares', () => {
    expect(audit.problems).toEqual([]);
    for (const site of audit.sites) expect(site.operations.length).toBeGreaterThan(0);
  });

  it('manifest.yml declares no scope that no call needs (least privilege)', () => {
    expect(audit.unusedScopes).toEqual([]);
  });

  it('storage:app is declared exactly when @forge/kvs is used', () => {
    const usesKvs = platformScopesUsed(REPO_ROOT).some((p) => p.scope === 'storage:app');
    expect(manifestScopes().includes('storage:app')).toBe(usesKvs);
  });
});

describe('the call-site scanner and scope audit', () => {
  const root = appWith({
    'src/jira/a.ts': [
      "import api, { route } from '@forge/api';",
      'export const read = (k: string) => api.asUser().requestJira(route`/rest/api/3/issue/${k}?fields=summary`);',
      "export const write = (k: string) => api.asUser().requestJira(route`/rest/api/3/issue/${k}/properties/p`, { method: 'PUT', body: '{}' });",
      'export const old = () => api.asApp().requestJira(route`/rest/api/3/search?jql=x`);',
      'export const agile = (b: number) => api.asApp().requestJira(route`/rest/agile/1.0/board/${b}/sprint`, init());',
      'declare function init(): RequestInit;',
    ].join('\n'),
    'static/panel/src/App.tsx': [
      "import { requestJira } from '@forge/bridge';",
      'export const p = (k: string) => requestJira(`/rest/api/3/project/${encodeURIComponent(k)}`, { headers: {} });',
    ].join('\n'),
    'src/storage/s.ts': "import { kvs } from '@forge/kvs';\nexport const get = () => kvs.get('k');\n",
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const sites = scanJiraCallSites(root);

  it('reads paths and methods from route`` and requestJira(``) calls', () => {
    expect(sites.map((s) => [s.file, s.method, s.path])).toEqual([
      ['src/jira/a.ts', 'GET', '/rest/api/3/issue/{param}'],
      ['src/jira/a.ts', 'PUT', '/rest/api/3/issue/{param}/properties/p'],
      ['src/jira/a.ts', 'GET', '/rest/api/3/search'],
      ['src/jira/a.ts', null, '/rest/agile/1.0/board/{param}/sprint'],
      ['static/panel/src/App.tsx', 'GET', '/rest/api/3/project/{param}'],
    ]);
  });

  it('reports deprecated operations, missing scopes and unused scopes', () => {
    const audit = auditScopes({
      sites,
      manifestScopes: ['read:jira-work', 'manage:jira-configuration', 'storage:app'],
      platformScopes: platformScopesUsed(root),
    });
    expect(audit.problems).toEqual([
      expect.stringMatching(
        /a\.ts:3 PUT .*lacks scopes: PUT \/rest\/api\/3\/issue\/\{issueIdOrKey\}\/properties\/\{propertyKey\} needs Current: \[write:jira-work\]/,
      ),
      expect.stringMatching(/a\.ts:4 GET \/rest\/api\/3\/search: GET \/rest\/api\/3\/search is deprecated/),
      expect.stringMatching(/a\.ts:5 \(method not visible\).*read:sprint:jira-software/),
    ]);
    expect(audit.unusedScopes).toEqual(['manage:jira-configuration']);
    expect(audit.platformScopes).toEqual([{ scope: 'storage:app', reason: expect.stringMatching(/@forge\/kvs/) }]);
  });
});
