/**
 * Reading an Argo CD ApplicationSet template as the git generator fills it: fasttemplate `{{param}}` or, with
 * `goTemplate: true`, `{{.param}}`. A files generator's parameters are the config file's keys (`image.tag`) and the
 * file's path parameters (`path`, `path[n]`, `path.basename`, `path.filename`; `.path.path`,
 * `index .path.segments n`, … in Go templates; all behind `pathParamPrefix` when it is set).
 */

/** One `{{…}}` expression: a path parameter, a key of the config file, or one the portal does not understand. */
export type TemplateExpression =
  | { kind: 'path'; part: 'path' | 'basename' | 'filename' | 'other' }
  | { kind: 'segment'; index: number }
  | { kind: 'param'; key: string }
  | { kind: 'unknown'; text: string };

const EXPRESSION = /\{\{-?\s*(.*?)\s*-?\}\}/g;
const KEY = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/;

/** What one `{{…}}` reads (`text` without the braces). */
export function parseExpression(
  text: string,
  goTemplate: boolean,
  prefix?: string,
): TemplateExpression {
  const pathRoot = prefix ? `${prefix}.path` : 'path';
  const segment = goTemplate
    ? new RegExp(`^index \\.${escape(pathRoot)}\\.segments (\\d+)$`).exec(text)
    : new RegExp(`^${escape(pathRoot)}\\[(\\d+)\\]$`).exec(text);
  if (segment) return { kind: 'segment', index: Number(segment[1]) };
  if (goTemplate && !text.startsWith('.')) return { kind: 'unknown', text };
  const key = goTemplate ? text.slice(1) : text;
  if (!KEY.test(key)) return { kind: 'unknown', text };
  const whole = goTemplate ? `${pathRoot}.path` : pathRoot;
  if (key === whole) return { kind: 'path', part: 'path' };
  if (key === `${pathRoot}.basename`) return { kind: 'path', part: 'basename' };
  if (key === `${pathRoot}.filename`) return { kind: 'path', part: 'filename' };
  // Normalized names, the segments list: path parameters, but none the portal reads back into a file path.
  if (key === pathRoot || key.startsWith(`${pathRoot}.`)) {
    return { kind: 'path', part: 'other' };
  }
  return { kind: 'param', key };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The expressions of one template string, in order. */
export function expressionsOf(
  template: string,
  goTemplate: boolean,
  prefix?: string,
): TemplateExpression[] {
  return [...template.matchAll(EXPRESSION)].map(m =>
    parseExpression(m[1], goTemplate, prefix),
  );
}

/** What reading a rendered value back against its template says of the file's path. */
export interface PathValues {
  path?: string;
  basename?: string;
  filename?: string;
  segments: Record<number, string>;
}

/** The path parameters the groups of a match captured. */
function valuesOf(
  captured: TemplateExpression[],
  match: RegExpExecArray,
): PathValues {
  const values: PathValues = { segments: {} };
  captured.forEach((expression, i) => {
    const value = match[i + 1];
    if (expression.kind === 'segment') {
      values.segments[expression.index] = value;
    } else if (expression.kind === 'path' && expression.part !== 'other') {
      values[expression.part] = value;
    }
  });
  return values;
}

/**
 * Reads a rendered value back against its template: the path parameters it was filled with, or undefined when the
 * value cannot come from the template (another generator's element). Other parameters match any text; when that
 * leaves two readings (`{{cluster}}-{{path.basename}}` of `in-cluster-staging`), the value says nothing of the path.
 */
export function readBack(
  template: string,
  rendered: string,
  goTemplate: boolean,
  prefix?: string,
): PathValues | undefined {
  const captured: TemplateExpression[] = [];
  const parts: Array<string | undefined> = [];
  let last = 0;
  for (const match of template.matchAll(EXPRESSION)) {
    parts.push(escape(template.slice(last, match.index)));
    last = match.index! + match[0].length;
    const expression = parseExpression(match[1], goTemplate, prefix);
    const readable =
      expression.kind === 'segment' ||
      (expression.kind === 'path' && expression.part !== 'other');
    if (readable) {
      parts.push(
        expression.kind === 'path' && expression.part === 'path'
          ? '(.+?)'
          : '([^/]+?)',
      );
      captured.push(expression);
    } else parts.push(undefined);
  }
  parts.push(escape(template.slice(last)));
  // Other parameters matched as short, then as long as they can be: two readings when they differ.
  const [short, long] = ['.*?', '.*'].map(any =>
    new RegExp(`^${parts.map(p => p ?? any).join('')}$`).exec(rendered),
  );
  if (!short || !long) return undefined;
  const values = valuesOf(captured, short);
  const other = valuesOf(captured, long);
  return JSON.stringify(values) === JSON.stringify(other)
    ? values
    : { segments: {} };
}

/** Every string of a template object with its field path (`spec.source.helm.parameters[0].value`). */
export function templateStrings(
  value: unknown,
  at = '',
): Array<{ field: string; text: string }> {
  if (typeof value === 'string') return [{ field: at, text: value }];
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => templateStrings(item, `${at}[${i}]`));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      templateStrings(item, at ? `${at}.${key}` : key),
    );
  }
  return [];
}

/** The value at a field path `templateStrings` gave, in another object of the same shape (the rendered one). */
export function valueAt(value: unknown, field: string): unknown {
  const steps = field.match(/[^.[\]]+/g) ?? [];
  return steps.reduce<unknown>(
    (node, step) =>
      node && typeof node === 'object'
        ? (node as Record<string, unknown>)[step]
        : undefined,
    value,
  );
}

/**
 * The source fields of an Application that pin what version it deploys: a source's `targetRevision` (a chart
 * version or a Git ref), its Helm parameters, values and values object, its Kustomize images.
 */
export const VERSION_FIELD =
  /^spec\.(source|sources\[\d+\])\.(targetRevision|helm\.(parameters\[\d+\]\.value|values|valuesObject\..+)|kustomize\.images\[\d+\])$/;
