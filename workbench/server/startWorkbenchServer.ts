import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Dataset } from '../datasets/datasetSchema';
import { automationRoutes } from '../automation/automationRoutes';
import { ruleEditorRoutes } from '../automation/ruleEditorRoutes';
import { apiRoutes, type DemoStory } from './apiRoutes';
import { HttpError, html, json, send, toWorkbenchRequest, type WorkbenchRequest, type WorkbenchResponse } from './http';
import { readServerManifest } from './manifestModules';
import { pageRoutes } from './pageRoutes';
import type { ServerPlatform } from './platformPort';
import { createRouter } from './router';

export interface WorkbenchServerOptions {
  /** 0 picks a free port. */
  port: number;
  platform: ServerPlatform;
  /** One line per request and per server error; default: silent. */
  log?: (line: string) => void;
  /** Where manifest resource paths are resolved from; default: this repository. */
  appRoot?: string;
  /** What `POST /workbench/reset` and `{name: 'demo'}` seeds load; default: buildDemoDataset(). */
  demoDataset?: () => Dataset;
  /** What `POST /workbench/reset` plays on the fresh dataset; default: the demo story (workbench/demo/); null: none. */
  demoStory?: DemoStory | null;
  /** Default 127.0.0.1: the workbench has no authentication. */
  host?: string;
  /**
   * The site URL (avatars, self links, the context's siteUrl, web trigger URLs) once the port is known:
   * default the server's own URL, so a stored dataset's baseUrl from an earlier port never leaks; 'dataset' keeps it.
   */
  siteUrl?: 'dataset' | ((port: number) => string);
}

export interface WorkbenchServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');

function defaultDemoDataset(): Dataset {
  // Required on demand: the generator is only needed for resets and demo seeds.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand (see above)
  const { buildDemoDataset } = require('../datasets/demoDataset') as { buildDemoDataset: () => Dataset };
  return buildDemoDataset();
}

function defaultDemoStory(): DemoStory {
  // Required on demand, like the dataset: only resets play it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { playDemoStory } = require('../demo/demoStory') as { playDemoStory: DemoStory };
  return playDemoStory;
}

function wantsHtml(req: WorkbenchRequest): boolean {
  return (
    !req.path.startsWith('/workbench/') &&
    !req.path.startsWith('/rest/') &&
    !req.path.startsWith('/webtrigger/') &&
    (req.headers.accept ?? '').includes('text/html')
  );
}

function errorResponse(req: WorkbenchRequest, error: HttpError): WorkbenchResponse {
  if (wantsHtml(req)) {
    const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${error.status}</title><link rel="stylesheet" href="/workbench/host.css"></head><body><main class="wb-main"><h1>${error.status}</h1><p>${error.message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p><p><a href="/">Workbench start page</a></p></main></body></html>`;
    return html(error.status, body);
  }
  return json(error.status, { error: { message: error.message, ...(error.details ?? {}) } });
}

/** Starts the workbench's HTTP server (node:http): host pages, the bridge, the JSON API, Jira, web triggers. */
export async function startWorkbenchServer(options: WorkbenchServerOptions): Promise<WorkbenchServer> {
  const { platform, log } = options;
  const manifest = readServerManifest(platform.manifest.raw);
  const demoDataset = options.demoDataset ?? defaultDemoDataset;
  const demoStory = options.demoStory === undefined ? defaultDemoStory() : options.demoStory;
  const route = createRouter([
    ...pageRoutes({ platform, manifest, appRoot: options.appRoot ?? REPO_ROOT }),
    ...apiRoutes({ platform, manifest, demoDataset, demoStory }),
    ...automationRoutes({ platform }),
    ...ruleEditorRoutes({ platform }),
  ]);

  const server = http.createServer((raw, res) => {
    const started = Date.now();
    const req = toWorkbenchRequest(raw);
    route(req)
      .catch((error: unknown): WorkbenchResponse => {
        if (error instanceof HttpError) return errorResponse(req, error);
        log?.(`ERROR ${req.method} ${req.pathWithQuery}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return errorResponse(req, new HttpError(500, `The workbench failed: ${error instanceof Error ? error.message : String(error)}`));
      })
      .then((response) => {
        send(res, req.method === 'HEAD' ? { ...response, body: '' } : response);
        log?.(`${req.method} ${req.pathWithQuery} → ${response.status} (${Date.now() - started} ms)`);
      })
      .catch((error: unknown) => {
        log?.(`ERROR writing the response to ${req.method} ${req.pathWithQuery}: ${String(error)}`);
        res.destroy();
      });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
  if (options.siteUrl !== 'dataset') {
    const siteUrl = options.siteUrl ? options.siteUrl(port) : url;
    platform.jira.setSiteUrl(siteUrl);
    platform.host.setWebTriggerBaseUrl(siteUrl);
  }
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
