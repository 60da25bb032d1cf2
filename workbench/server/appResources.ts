import fs from 'node:fs';
import path from 'node:path';
import { HttpError, type WorkbenchResponse } from './http';
import type { ServerManifest } from './manifestModules';

/**
 * Serves the built Custom UI resources (manifest `resources[].path`) the way Forge's CDN does: files
 * as built, under a Content-Security-Policy like Forge's, so an inline script or a foreign request
 * fails here as it would in Jira. The bridge script is injected into index.html at serve time.
 */
export const BRIDGE_SCRIPT_TAG = '<script src="/workbench/bridge.js"></script>';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Forge's CSP for Custom UI, loosened for styles only when the manifest declares `unsafe-inline`.
 * Images may come from the Jira site (avatars, issue type icons), as from *.atlassian.net in Jira.
 */
export function customUiCsp(manifest: ServerManifest, siteUrl?: string): string {
  let siteOrigin = '';
  try {
    siteOrigin = siteUrl ? ` ${new URL(siteUrl).origin}` : '';
  } catch {
    siteOrigin = '';
  }
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self'${manifest.allowsInlineStyles ? " 'unsafe-inline'" : ''}`,
    `img-src 'self' data: blob:${siteOrigin}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Puts the bridge first in <head>, so `window.__bridge` exists before any module of the app runs. */
export function injectBridge(indexHtml: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(indexHtml);
  if (!head) throw new HttpError(500, 'The resource index.html has no <head>; the bridge cannot be injected.');
  const at = head.index + head[0].length;
  return `${indexHtml.slice(0, at)}${BRIDGE_SCRIPT_TAG}${indexHtml.slice(at)}`;
}

export function serveResourceFile(options: {
  appRoot: string;
  manifest: ServerManifest;
  siteUrl?: string;
  resourceKey: string;
  filePath: string;
}): WorkbenchResponse {
  const { appRoot, manifest, resourceKey } = options;
  const resourcePath = manifest.resources[resourceKey];
  if (resourcePath === undefined) throw new HttpError(404, `The manifest has no resource ${JSON.stringify(resourceKey)}.`);
  const folder = path.resolve(appRoot, resourcePath);
  if (!fs.existsSync(folder)) {
    throw new HttpError(503, `Resource ${resourceKey} is not built (${resourcePath} is missing): run npm run build.`);
  }
  let relative: string;
  try {
    relative = decodeURIComponent(options.filePath || 'index.html');
  } catch {
    throw new HttpError(400, 'The resource path is not valid.');
  }
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  const file = path.resolve(folder, relative);
  if (file !== folder && !file.startsWith(folder + path.sep)) throw new HttpError(404, 'No such file in the resource.');
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new HttpError(404, `No file ${relative} in resource ${resourceKey}.`);

  const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers = {
    'content-type': type,
    'content-security-policy': customUiCsp(manifest, options.siteUrl),
    'x-content-type-options': 'nosniff',
  };
  if (path.basename(file) === 'index.html') {
    return { status: 200, headers, body: injectBridge(fs.readFileSync(file, 'utf8')) };
  }
  return { status: 200, headers, body: fs.readFileSync(file) };
}
