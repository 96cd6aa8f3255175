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
 * a trailing `*name` is the (possibly empty) rest of the path, and a `*name`
 * followed by more of the template is one or more segments (a branch name
 * with slashes in `/branches/*branch/protection`).
 */
function compile(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const segments = template.split('/').slice(1);
  const source = segments
    .map((segment, index) => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '/([^/]+)';
      }
      if (segment.startsWith('*')) {
        names.push(segment.slice(1));
        return index === segments.length - 1 ? '(?:/(.*))?' : '/(.+)';
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
