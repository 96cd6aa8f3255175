import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { STATIC_KINDS } from '../services/ClusterWatcher/kinds';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** The first YAML block under `heading` in a README. */
function yamlBlockUnder(readmePath: string, heading: string): string {
  const readme = fs.readFileSync(path.resolve(__dirname, readmePath), 'utf8');
  const section = readme.split(heading)[1] ?? '';
  return /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
}

const BACKEND_README_ROLE = yamlBlockUnder(
  '../../README.md',
  '### Read-only ClusterRole',
);

/** The ClusterRole the README ships (the first YAML block under "Read-only ClusterRole"). */
function readmeClusterRole(): Rule[] {
  const block = BACKEND_README_ROLE;
  const role = parseAllDocuments(block)
    .map(document => document.toJS())
    .find(document => document?.kind === 'ClusterRole');
  return role?.rules ?? [];
}

const rules = readmeClusterRole();
const allows = (group: string, resource: string, verb: string) =>
  rules.some(
    rule =>
      rule.apiGroups.includes(group) &&
      (rule.resources.includes(resource) || rule.resources.includes('*')) &&
      rule.verbs.includes(verb),
  );

const WATCHED = [
  { group: 'apiextensions.k8s.io', plural: 'customresourcedefinitions' },
  ...STATIC_KINDS,
];

describe("the README's read-only ClusterRole", () => {
  it.each(
    WATCHED.flatMap(({ group, plural }) =>
      ['get', 'list', 'watch'].map(verb => [verb, group, plural]),
    ),
  )('allows %s of %s %s', (verb, group, plural) => {
    expect(allows(group, plural, verb)).toBe(true);
  });

  it('grants nothing but get, list and watch', () => {
    expect(rules.length).toBeGreaterThan(0);
    expect([...new Set(rules.flatMap(rule => rule.verbs))].sort()).toEqual([
      'get',
      'list',
      'watch',
    ]);
  });

  it('is the one the root README ships in its install steps', () => {
    expect(
      yamlBlockUnder(
        '../../../../README.md',
        '### 6. Cluster access (read-only RBAC)',
      ),
    ).toBe(BACKEND_README_ROLE);
  });
});
