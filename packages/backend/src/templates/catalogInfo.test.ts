import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ScaffolderEntitiesProcessor } from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parse } from 'yaml';
import {
  demoEntities,
  REPO_ROOT,
  templatePaths,
} from './__testUtils__/catalogEntities';

const LOCATION = 'templates/catalog-info.yaml';
const location = parse(readFileSync(join(REPO_ROOT, LOCATION), 'utf8'));
const targets: string[] = location.spec.targets.map((target: string) =>
  posix.join('templates', target),
);
// Every template file there is; the first test checks the Location lists exactly these.
const templates = templatePaths().map(
  path =>
    [
      path,
      parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as Entity,
    ] as const,
);

// What the catalog checks when it ingests an entity, plus the Template kind's own schema.
const policies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
const processor = new ScaffolderEntitiesProcessor();
const groups = demoEntities()
  .filter(entity => entity.kind === 'Group')
  .map(entity => stringifyEntityRef(entity));

describe('templates/catalog-info.yaml', () => {
  it('lists every templates/<name>/template.yaml, and nothing else', () => {
    expect([...targets].sort()).toEqual(templatePaths());
  });

  it.each(templates)('%s is a valid Template entity', async (_path, entity) => {
    const checked = await policies.enforce(entity);

    expect(checked).toBeDefined();
    expect(await processor.validateEntityKind(checked!)).toBe(true);
  });

  it.each(templates)(
    '%s is owned by a group of the demo org',
    (_path, entity) => {
      const owner = parseEntityRef(entity.spec!.owner as string, {
        defaultKind: 'group',
      });

      expect(groups).toContain(stringifyEntityRef(owner));
    },
  );

  it.each(templates)(
    '%s links to the pull request it opens',
    (_path, entity) => {
      const output = entity.spec!.output as { links?: Array<{ url: string }> };

      expect(output.links).toContainEqual(
        expect.objectContaining({
          url: expect.stringMatching(
            /^\$\{\{ steps\.[\w-]+\.output\.pullRequestUrl \}\}$/,
          ),
        }),
      );
    },
  );
});
