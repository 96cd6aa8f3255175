import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, templatePaths } from './__testUtils__/catalogEntities';

/** Every property of every form page of a template, with its name. */
function formProperties(path: string): Array<[string, Record<string, any>]> {
  const template = parse(readFileSync(join(REPO_ROOT, path), 'utf8'));
  const pages: Array<{ properties?: Record<string, any> }> = [
    template.spec.parameters,
  ].flat();
  return pages.flatMap(page => Object.entries(page.properties ?? {}));
}

/** Template forms name no estate: the config repo and the environments come from the backend's config. */
describe.each(templatePaths())('the form of %s', path => {
  const properties = formProperties(path);

  it('restricts no repository picker to an organisation, a repository or a host', () => {
    const restricted = properties.filter(
      ([, property]) =>
        property['ui:field'] === 'RepoUrlPicker' &&
        ['allowedOwners', 'allowedRepos', 'allowedHosts'].some(
          key => property['ui:options']?.[key] !== undefined,
        ),
    );
    expect(restricted.map(([name]) => name)).toEqual([]);
  });

  it('takes the config repo from the GitopsConfigRepoPicker', () => {
    const configRepo = properties.filter(([name]) =>
      ['repoUrl', 'configRepoUrl'].includes(name),
    );
    const pickers = configRepo.filter(
      ([, property]) => property['ui:field'] === 'GitopsConfigRepoPicker',
    );
    // One per template: new-service's `repoUrl` is the service's own new repository, its config repo `configRepoUrl`.
    expect(pickers).toHaveLength(1);
  });

  it('lists no environments: they come from the GitopsEnvironmentPicker', () => {
    const environmentFields = properties.filter(([name]) =>
      ['from', 'to', 'environment', 'environments'].includes(name),
    );
    for (const [name, property] of environmentFields) {
      expect([name, property['ui:field']]).toEqual([
        name,
        'GitopsEnvironmentPicker',
      ]);
      expect(JSON.stringify(property)).not.toMatch(/"enum"|"default"/);
    }
  });
});
