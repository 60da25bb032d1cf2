import type { IncomingMessage, ServerResponse } from 'node:http';

/** Small request/response helpers for node:http, so route handlers read like a table of intents. */

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface WorkbenchRequest {
  method: string;
  /** Path without the query string, still percent-encoded. */
  path: string;
  /** Path and query exactly as sent. */
  pathWithQuery: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  cookies: Record<string, string>;
  params: Record<string, string>;
  raw: IncomingMessage;
  /** The body as text (empty when none). */
  text(): Promise<string>;
  /** The body as JSON; a missing or malformed body is a 400. */
  json(): Promise<unknown>;
}

export interface WorkbenchResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export function toWorkbenchRequest(raw: IncomingMessage): WorkbenchRequest {
  const url = new URL(raw.url ?? '/', 'http://workbench.local');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  let bodyText: Promise<string> | null = null;
  const text = () => (bodyText ??= readBody(raw));
  return {
    method: (raw.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    pathWithQuery: `${url.pathname}${url.search}`,
    query: url.searchParams,
    headers,
    cookies: parseCookies(headers.cookie ?? ''),
    params: {},
    raw,
    text,
    async json() {
      const body = await text();
      if (body.trim() === '') throw new HttpError(400, 'The request needs a JSON body.');
      try {
        return JSON.parse(body) as unknown;
      } catch {
        throw new HttpError(400, 'The request body is not valid JSON.');
      }
    },
  };
}

function readBody(raw: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    raw.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
        raw.destroy();
        return;
      }
      chunks.push(chunk);
    });
    raw.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    raw.on('error', reject);
  });
}

export function parseCookies(header: string): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

export function cookieHeader(name: string, value: string): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; SameSite=Lax; Max-Age=31536000`;
}

export function json(status: number, body: unknown, headers: Record<string, string | string[]> = {}): WorkbenchResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

export function html(status: number, body: string, headers: Record<string, string | string[]> = {}): WorkbenchResponse {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body };
}

export function send(res: ServerResponse, response: WorkbenchResponse): void {
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
  if (!res.hasHeader('cache-control')) res.setHeader('cache-control', 'no-store');
  res.end(response.body ?? '');
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
