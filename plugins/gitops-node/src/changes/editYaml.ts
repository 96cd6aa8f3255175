import { InputError } from '@backstage/errors';
import { Document, parseAllDocuments, parseDocument } from 'yaml';

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
