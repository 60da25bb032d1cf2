import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { BRIDGE_SCRIPT_TAG, customUiCsp, injectBridge } from '../../../../workbench/server/appResources';
import { HttpError, parseCookies, type WorkbenchRequest } from '../../../../workbench/server/http';
import { readServerManifest } from '../../../../workbench/server/manifestModules';
import { createRouter } from '../../../../workbench/server/router';
import { tokensCss } from '../../../../workbench/server/tokensCss';

function aRequest(method: string, pathname: string): WorkbenchRequest {
  return {
    method,
    path: pathname,
    pathWithQuery: pathname,
    query: new URLSearchParams(),
    headers: {},
    cookies: {},
    params: {},
    raw: {} as WorkbenchRequest['raw'],
    text: () => Promise.resolve(''),
    json: () => Promise.resolve({}),
  };
}

describe('router', () => {
  const route = createRouter([
    { method: 'GET', pattern: '/browse/:issueKey', handler: (req) => ({ status: 200, body: `issue ${req.params.issueKey}` }) },
    { method: 'GET', pattern: '/apps/:resource/*', handler: (req) => ({ status: 200, body: `${req.params.resource}|${req.params.rest}` }) },
    { method: '*', pattern: '/rest/api/3/*', handler: (req) => ({ status: 200, body: req.method }) },
  ]);

  it('matches params and the rest of the path', async () => {
    expect((await route(aRequest('GET', '/browse/ITSM-1'))).body).toBe('issue ITSM-1');
    expect((await route(aRequest('GET', '/apps/issue-panel/assets/index.js'))).body).toBe('issue-panel|assets/index.js');
    expect((await route(aRequest('DELETE', '/rest/api/3/issue/1'))).body).toBe('DELETE');
  });

  it('answers 404 for an unknown path and 405 for a known path with another method', async () => {
    await expect(route(aRequest('GET', '/nope'))).rejects.toMatchObject({ status: 404 });
    await expect(route(aRequest('POST', '/browse/ITSM-1'))).rejects.toBeInstanceOf(HttpError);
    await expect(route(aRequest('POST', '/browse/ITSM-1'))).rejects.toMatchObject({ status: 405 });
  });
});

describe('Custom UI resources', () => {
  it('puts the bridge first in <head>, before any app script', () => {
    const built =
      '<!doctype html><html><head>\n<meta charset="utf-8"><script type="module" src="./assets/app.js"></script></head><body></body></html>';
    const served = injectBridge(built);
    expect(served.indexOf(BRIDGE_SCRIPT_TAG)).toBeGreaterThan(served.indexOf('<head>'));
    expect(served.indexOf(BRIDGE_SCRIPT_TAG)).toBeLessThan(served.indexOf('<meta'));
    expect(served.replace(BRIDGE_SCRIPT_TAG, '')).toBe(built);
  });

  it('allows inline styles only when the manifest declares them, and never inline scripts', () => {
    const strict = readServerManifest({ modules: {}, resources: [] });
    const loose = readServerManifest({ modules: {}, resources: [], permissions: { content: { styles: ['unsafe-inline'] } } });
    expect(customUiCsp(strict)).toContain("style-src 'self';");
    expect(customUiCsp(loose)).toContain("style-src 'self' 'unsafe-inline'");
    expect(customUiCsp(loose)).toContain("script-src 'self';");
    expect(customUiCsp(loose)).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('readServerManifest', () => {
  it("reads this app's Custom UI modules and resources from manifest.yml", () => {
    const raw = parse(fs.readFileSync(path.resolve(__dirname, '../../../../manifest.yml'), 'utf8')) as unknown;
    const manifest = readServerManifest(raw);
    expect(manifest.uiModules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'jira:issuePanel', resource: 'issue-panel', resolverFunction: 'issue-panel-resolver' }),
        expect.objectContaining({ type: 'jira:projectPage', resource: 'project-page' }),
      ]),
    );
    expect(manifest.resources['issue-panel']).toBe('static/issue-panel/build');
    expect(manifest.allowsInlineStyles).toBe(true);
  });
});

describe('tokensCss', () => {
  it('gives each mode its own colours and the shared spacing tokens', () => {
    const surface = (css: string) => /--ds-surface:\s*(#[0-9A-Fa-f]+)/.exec(css)?.[1];
    const light = tokensCss('light');
    const dark = tokensCss('dark');
    expect(surface(light)).toBe('#FFFFFF');
    expect(surface(dark)).not.toBe(surface(light));
    expect(dark).toContain('html[data-color-mode="dark"][data-theme~="dark:dark"]');
    expect(light).toContain('--ds-space-100');
  });
});

describe('parseCookies', () => {
  it('reads several cookies and decodes values', () => {
    expect(parseCookies('wb-account=a%3Ab; wb-theme=dark')).toEqual({ 'wb-account': 'a:b', 'wb-theme': 'dark' });
  });
});
