import { ApiHandler } from './api';

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: ApiHandler;
}

export interface RouteMatch {
  handler: ApiHandler;
  params: Record<string, string>;
}

/**
 * Compiles `/repos/:owner/:repo/contents/*path`: `:name` is one segment,
 * a trailing `*name` is the (possibly empty) rest of the path.
 */
function compile(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split('/')
    .slice(1)
    .map(segment => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '/([^/]+)';
      }
      if (segment.startsWith('*')) {
        names.push(segment.slice(1));
        return '(?:/(.*))?';
      }
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    })
    .join('');
  return { pattern: new RegExp(`^${source}/?$`), names };
}

/** A minimal method + path router over decoded paths. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, template: string, handler: ApiHandler): this {
    this.routes.push({ method, handler, ...compile(template) });
    return this;
  }

  match(method: string, path: string): RouteMatch | null {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(path);
      if (!match) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = match[index + 1] ?? '';
      });
      return { handler: route.handler, params };
    }
    return null;
  }
}
