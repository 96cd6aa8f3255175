import { InputError } from '@backstage/errors';
import {
  Document,
  isScalar,
  isSeq,
  parseAllDocuments,
  parseDocument,
} from 'yaml';
import { YamlEdit } from './types';

/**
 * Applies a structured edit to YAML text and returns the new text. Uses the
 * `yaml` Document API, so comments, key order, quoting and blank lines of the
 * parts the edit does not touch stay as they were.
 *
 * @example
 * ```ts
 * editYaml(text, doc => doc.setIn(['images', 0, 'newTag'], '1.4.0'))
 * ```
 *
 * @public
 */
export function editYaml(
  text: string,
  edit: (doc: Document) => void,
  path = 'the YAML file',
): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) {
    throw new InputError(
      `${path} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`,
    );
  }
  edit(doc);
  return doc.toString({ lineWidth: 0 });
}

/**
 * Every document of a YAML file (empty ones included, so the file can be written back as it was), for edits that
 * look at each document; throws `InputError` naming the file and its first syntax error.
 */
export function parseYamlDocuments(path: string, text: string): Document[] {
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [];
  const broken = list.find(doc => doc.errors.length > 0);
  if (broken || !Array.isArray(docs)) {
    const message = broken?.errors[0].message.split('\n')[0] ?? 'no documents';
    throw new InputError(`${path} is not valid YAML: ${message}`);
  }
  return list;
}

/**
 * Adds `entry` to a kustomization document's `resources` (creating the list) unless it is listed; the rest of the
 * document keeps its comments and format. Throws `InputError` naming `file` when `resources` is not a list.
 */
export function addKustomizationResource(
  doc: Document,
  entry: string,
  file = 'kustomization.yaml',
): void {
  if (!doc.has('resources')) doc.set('resources', doc.createNode([]));
  const resources = doc.get('resources');
  if (!isSeq(resources)) {
    throw new InputError(`${file}: resources is not a list`);
  }
  const listed = resources.items.some(
    item => String(isScalar(item) ? item.value : item) === entry,
  );
  if (!listed) resources.add(doc.createNode(entry));
}

/**
 * The change's edit adding `entry` to the `resources` of the kustomization at `path`.
 *
 * @public
 */
export function kustomizationResourceEdit(
  path: string,
  entry: string,
): YamlEdit {
  return { path, edit: doc => addKustomizationResource(doc, entry, path) };
}
