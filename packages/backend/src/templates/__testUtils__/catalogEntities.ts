import { Entity } from '@backstage/catalog-model';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

/** The repository root (this file is packages/backend/src/templates/__testUtils__). */
export const REPO_ROOT = resolve(__dirname, '../../../../..');
export const TEMPLATES_DIR = join(REPO_ROOT, 'templates');

/** The sandbox's demo organisation and services: what the templates' pickers offer in the sandbox. */
const DEMO_CATALOG_FILES = ['org.yaml', 'services.yaml'].map(file =>
  join(REPO_ROOT, 'packages/sandbox/demo/catalog', file),
);

/** Every `templates/<name>/template.yaml`, repo-relative (`templates/new-database/template.yaml`). */
export function templatePaths(): string[] {
  return readdirSync(TEMPLATES_DIR, { withFileTypes: true })
    .filter(dir => dir.isDirectory())
    .map(dir => `templates/${dir.name}/template.yaml`)
    .filter(path => existsSync(join(REPO_ROOT, path)))
    .sort();
}

/** A template file as the catalog would hold it (with the location annotations the scaffolder reads). */
export function readTemplateEntity(templatePath: string): Entity {
  const file = join(REPO_ROOT, templatePath);
  const entity = parse(readFileSync(file, 'utf8')) as Entity;
  if (entity?.kind !== 'Template') {
    throw new Error(`${templatePath} is not a Template entity`);
  }
  const location = `file:${file}`;
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      namespace: entity.metadata.namespace ?? 'default',
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
      },
    },
  };
}

/** The demo's Groups, Users and Components, parsed from the sandbox's catalog files. */
export function demoEntities(): Entity[] {
  return DEMO_CATALOG_FILES.flatMap(file =>
    parseAllDocuments(readFileSync(file, 'utf8'))
      .map(doc => doc.toJSON() as Entity | null)
      .filter((entity): entity is Entity => !!entity?.kind)
      .map(entity => ({
        ...entity,
        metadata: { namespace: 'default', ...entity.metadata },
      })),
  );
}
