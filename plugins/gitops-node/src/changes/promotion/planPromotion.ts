import { InputError } from '@backstage/errors';
import { Document } from 'yaml';
import { parseYamlDocuments } from '../editYaml';
import { ConfigRepoChange } from '../types';
import { findPins, PIN_FORM_DESCRIPTION, writePin } from './forms';
import { VersionPin } from './types';

/**
 * One environment's files of a service: their texts by path, and the folder they share (if any).
 *
 * @public
 */
export interface EnvironmentFiles {
  environment: string;
  /** The folder the files were found under (`apps/web/overlays/staging/`), pairing them with the other side's. */
  root?: string;
  files: Record<string, string>;
  /** Where the files came from, for previews and PR bodies (`from Application argocd/web-staging spec.source.path`). */
  origin?: string;
  /** The keys holding the version, by file, where live objects name them (only those keys are read and written). */
  keys?: Record<string, string[]>;
}

/**
 * Options of `planPromotion`: the service, both environments' files, and which images or version to promote.
 *
 * @public
 */
export interface PlanPromotionOptions {
  service: string;
  from: EnvironmentFiles;
  to: EnvironmentFiles;
  /** Only these image names (Kustomize images, container images); other forms are promoted as found. */
  images?: string[];
  /** Only the pins of `from` that currently hold this version (tag, digest, chart version). */
  version?: string;
}

/**
 * What one promoted pin does, for the PR body.
 *
 * @public
 */
export interface PromotedPin {
  path: string;
  label: string;
  from: string;
  to?: string;
}

/**
 * A planned promotion: the change to the config repo and each pin it promotes.
 *
 * @public
 */
export interface PromotionPlan {
  change: ConfigRepoChange;
  promoted: PromotedPin[];
}

const IMAGE_NAMED = new Set([
  'kustomize-image',
  'argocd-kustomize-image',
  'manifest-image',
]);

function parseFile(path: string, text: string): Document[] {
  return parseYamlDocuments(path, text).filter(doc => doc.contents !== null);
}

function pinsOf(side: EnvironmentFiles): VersionPin[] {
  return Object.entries(side.files).flatMap(([path, text]) =>
    parseFile(path, text).flatMap(doc =>
      findPins(doc, path, side.keys?.[path]),
    ),
  );
}

const looked = (side: EnvironmentFiles) =>
  Object.keys(side.files).sort().join(', ') ||
  `no files${side.root ? ` under ${side.root}` : ''}`;

function holds(pin: VersionPin, version: string): boolean {
  return [pin.version, ...Object.values(pin.fields)].some(
    value =>
      value === version ||
      value?.endsWith(`:${version}`) ||
      value?.endsWith(`@${version}`),
  );
}

function wanted(pin: VersionPin, options: PlanPromotionOptions): boolean {
  if (options.version !== undefined && !holds(pin, options.version)) {
    return false;
  }
  if (!options.images || !IMAGE_NAMED.has(pin.form)) return true;
  const name = pin.key.slice(pin.key.indexOf(':') + 1);
  return options.images.includes(name);
}

/** Swaps the environment's name for the other's where it is a whole path segment or name part. */
function swapEnvironment(path: string, from: string, to: string): string {
  const part = new RegExp(`(^|[/._-])${from}(?=$|[/._-])`, 'g');
  return path.replace(part, (_match, lead: string) => `${lead}${to}`);
}

/** The file of `to` that plays the role `path` plays in `from` (same place under the root, or the name swapped). */
function counterpart(path: string, options: PlanPromotionOptions) {
  const { from, to } = options;
  const rest =
    from.root && path.startsWith(from.root)
      ? `${to.root ?? ''}${swapEnvironment(
          path.slice(from.root.length),
          from.environment,
          to.environment,
        )}`
      : swapEnvironment(path, from.environment, to.environment);
  return rest in to.files ? rest : undefined;
}

/** The pins of `from` the promotion copies (after the `images` and `version` filters). */
export function promotablePins(options: PlanPromotionOptions): VersionPin[] {
  return pinsOf(options.from).filter(pin => wanted(pin, options));
}

/** A target file: its parsed documents and the pins it gets. */
interface Target {
  /** The file as read, for its JSON indentation. */
  text: string;
  docs: Document[];
  writes: Array<{ pin: VersionPin; create: boolean }>;
}

/**
 * Plans a promotion from one environment's files to another's, for every way the files pin a version: finds
 * the pins of `from`, finds where `to` pins the same thing (or, for the same file of `to`, where it would),
 * and returns the change: a comment-preserving edit per target file. Pure; throws InputError naming the files
 * it looked at when `from` pins nothing or `to` has no place for a pin.
 *
 * @public
 */
export function planPromotion(options: PlanPromotionOptions): PromotionPlan {
  const { service, from, to } = options;
  const fromPins = promotablePins(options);
  if (fromPins.length === 0) {
    const what = options.version ? `version ${options.version}` : 'version';
    throw new InputError(
      `No ${what} of ${service} to promote from ${
        from.environment
      }: looked at ${looked(from)} for ${PIN_FORM_DESCRIPTION}`,
    );
  }
  const targets = new Map<string, Target>();
  const target = (path: string) => {
    let found = targets.get(path);
    if (!found) {
      found = {
        text: to.files[path],
        docs: parseFile(path, to.files[path]),
        writes: [],
      };
      targets.set(path, found);
    }
    return found;
  };
  const toPins = pinsOf(to);
  const promoted: PromotedPin[] = [];
  for (const pin of fromPins) {
    const same = toPins.filter(other => other.key === pin.key);
    for (const other of same) {
      target(other.path).writes.push({ pin, create: false });
      // The PR body lists what changes; a pin already at the version is written (a no-op) but not listed.
      if (other.version === pin.version) continue;
      promoted.push({
        path: other.path,
        label: other.label,
        from: other.version,
        to: pin.version,
      });
    }
    if (same.length > 0) continue;
    const paired = counterpart(pin.path, options);
    const placed =
      paired !== undefined &&
      target(paired).docs.some(doc => writePin(doc.clone(), pin, true));
    if (!placed) {
      throw new InputError(
        `Cannot promote ${pin.label} of ${pin.path} (${pin.version}): ${
          to.environment
        } pins no such version; looked at ${looked(to)}`,
      );
    }
    target(paired!).writes.push({ pin, create: true });
    promoted.push({
      path: paired!,
      label: pin.label,
      from: '(unset)',
      to: pin.version,
    });
  }
  return { change: changeOf(targets), promoted };
}

/** Applies the writes to a file's documents. */
function applyWrites(docs: Document[], writes: Target['writes']): void {
  for (const { pin, create } of writes) {
    // Added only once, to the first document that takes it; existing pins are written wherever they are.
    if (create) docs.some(doc => writePin(doc, pin, true));
    else for (const doc of docs) writePin(doc, pin, false);
  }
}

/** A JSON file written back as JSON, with its own indentation (YAML would print it as one flow line). */
function jsonText(doc: Document, text: string): string {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  return `${JSON.stringify(doc.toJS(), null, indent)}\n`;
}

/**
 * Single-document files become structured edits (applied to the base branch at write time); files of several
 * documents are rewritten whole, document by document, with the same edit; JSON files are rewritten whole as JSON.
 */
function changeOf(targets: Map<string, Target>): ConfigRepoChange {
  const change: Required<ConfigRepoChange> = { files: {}, yamlEdits: [] };
  for (const [path, { text, docs, writes }] of targets) {
    if (writes.length === 0) continue;
    if (path.endsWith('.json') && docs.length === 1) {
      applyWrites(docs, writes);
      change.files[path] = jsonText(docs[0], text);
      continue;
    }
    if (docs.length === 1) {
      change.yamlEdits.push({ path, edit: doc => applyWrites([doc], writes) });
      continue;
    }
    applyWrites(docs, writes);
    change.files[path] = docs
      .map(doc => doc.toString({ lineWidth: 0 }))
      .join('');
  }
  return change;
}
