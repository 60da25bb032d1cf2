import type { JiraReply } from './jiraErrors';
import type { JiraCaller } from './types';

/** One request as a route handler sees it: path parameters decoded, query parsed, JSON body parsed. */
export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  caller: JiraCaller;
}

export type RouteHandler = (req: RouteRequest) => JiraReply;

export interface Route {
  method: string;
  template: string;
  handler: RouteHandler;
}

export type RouteMatch =
  { kind: 'found'; handler: RouteHandler; params: Record<string, string> } | { kind: 'wrong-method'; allowed: string[] } | { kind: 'none' };

/** Matches `/rest/api/3/issue/{issueIdOrKey}` style templates segment by segment. */
export class Router {
  private readonly routes: Array<Route & { segments: string[] }> = [];

  add(method: string, template: string, handler: RouteHandler): this {
    this.routes.push({ method, template, handler, segments: template.split('/').filter(Boolean) });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    const segments = path.split('/').filter(Boolean);
    const allowed: string[] = [];
    let best: { route: Route; params: Record<string, string>; literals: number } | null = null;
    for (const route of this.routes) {
      if (route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let literals = 0;
      let ok = true;
      route.segments.forEach((part, index) => {
        const actual = segments[index] ?? '';
        if (part.startsWith('{') && part.endsWith('}')) {
          params[part.slice(1, -1)] = safeDecode(actual);
        } else if (part === actual) literals++;
        else ok = false;
      });
      if (!ok) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      // Literal segments win over parameters (`/issuetype/project` before `/issuetype/{id}`).
      if (!best || literals > best.literals) best = { route, params, literals };
    }
    if (best) return { kind: 'found', handler: best.route.handler, params: best.params };
    return allowed.length ? { kind: 'wrong-method', allowed } : { kind: 'none' };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
