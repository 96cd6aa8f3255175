import { readFileSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parseAllDocuments } from 'yaml';

/** The demo's catalog file: the single source of truth for which services the sandbox deploys where. */
export const DEMO_SERVICES_FILE = resolvePackagePath(
  '@internal/sandbox',
  'demo/catalog/services.yaml',
);

export type DeliveryEngine = 'argocd' | 'flux';

export interface DemoService {
  name: string;
  team: string;
  engine: DeliveryEngine;
  description: string;
  database?: string;
  bucket?: string;
  queue?: string;
  rollout: boolean;
}

const ANNOTATION = 'gitops-portal.io/';

/** Reads the demo services from the catalog file, so the catalog and the seeded clusters never disagree. */
export function loadDemoServices(file = DEMO_SERVICES_FILE): DemoService[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8')).map(d =>
    d.toJSON(),
  );
  return docs
    .filter(doc => doc?.kind === 'Component')
    .map(doc => {
      const annotations: Record<string, string> =
        doc.metadata.annotations ?? {};
      const engine = annotations[`${ANNOTATION}engine`];
      if (engine !== 'argocd' && engine !== 'flux') {
        throw new Error(
          `Demo service ${doc.metadata.name} has no valid ${ANNOTATION}engine annotation`,
        );
      }
      return {
        name: doc.metadata.name,
        team: String(doc.spec.owner).replace(/^group:default\//, ''),
        engine,
        description: doc.metadata.description ?? '',
        database: annotations[`${ANNOTATION}demo-database`],
        bucket: annotations[`${ANNOTATION}demo-bucket`],
        queue: annotations[`${ANNOTATION}demo-queue`],
        rollout: annotations[`${ANNOTATION}demo-rollout`] === 'true',
      };
    });
}
