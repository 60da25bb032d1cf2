import { HttpError, type WorkbenchRequest, type WorkbenchResponse } from './http';

/**
 * A table of routes: method + path pattern (`/browse/:issueKey`, a trailing `*` matches the rest,
 * captured as `params.rest`). First match wins; a path that matches with another method is a 405.
 */
export type RouteHandler = (req: WorkbenchRequest) => Promise<WorkbenchResponse> | WorkbenchResponse;

export interface Route {
  /** An HTTP method, or `'*'` for any. */
  method: string;
  pattern: string;
  handler: RouteHandler;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .map((segment) => {
      if (segment === '*') {
        names.push('rest');
        return '(.*)';
      }
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { ...route, regex: new RegExp(`^${source}$`), names };
}

export function createRouter(routes: Route[]): (req: WorkbenchRequest) => Promise<WorkbenchResponse> {
  const compiled = routes.map(compile);
  return async (req) => {
    let pathMatched = false;
    for (const route of compiled) {
      const match = route.regex.exec(req.path);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== '*' && route.method !== req.method && !(route.method === 'GET' && req.method === 'HEAD')) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        const value = match[index + 1] ?? '';
        try {
          params[name] = name === 'rest' ? value : decodeURIComponent(value);
        } catch {
          throw new HttpError(400, `The path segment ${JSON.stringify(value)} is not valid.`);
        }
      });
      req.params = params;
      return route.handler(req);
    }
    if (pathMatched) throw new HttpError(405, `${req.method} is not allowed on ${req.path}.`);
    throw new HttpError(404, `No route for ${req.method} ${req.path}.`);
  };
}
