import { stringify } from 'yaml';

/** Objects as a multi-document YAML stream, formatted like the sandbox's seed. */
export function yamlDocs(...docs: object[]): string {
  return docs.map(doc => stringify(doc, { lineWidth: 0 })).join('---\n');
}
