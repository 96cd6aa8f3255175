import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { Knex } from 'knex';
import {
  asDatabaseService as asService,
  DATABASE_IDS,
} from '../../__testUtils__/databases';
import { createObjectCache } from '../ObjectCache';
import { createHistoryRecorder } from './createHistoryRecorder';
import { createHistoryStore } from './createHistoryStore';

const databases = TestDatabases.create({
  ids: DATABASE_IDS,
  disableDocker: true,
});

const KEY = 'dev/argoproj.io/Application/argocd/shop';
const APP_KIND = 'dev|argoproj.io|Application';
const CONFIG_SHA_1 = '1'.repeat(40);
const CONFIG_SHA_2 = '2'.repeat(40);

/** A remote Helm chart with its values from the config repo, synced at the chart version and a config commit. */
function chartWithValues(configRevision: string) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'shop', namespace: 'argocd' },
    spec: {
      sources: [
        { repoURL: 'https://charts.example.org', chart: 'web' },
        { repoURL: 'https://github.com/acme/config', ref: 'values' },
      ],
    },
    status: {
      sync: { status: 'Synced', revisions: ['1.2.3', configRevision] },
      health: { status: 'Healthy' },
    },
  };
}

describe.each(databases.eachSupportedId())(
  'HistoryStore revisions on %s',
  databaseId => {
    let knex: Knex;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });

    /** A recorder over a fresh cache (a process) writing to the test database. */
    async function startProcess() {
      const cache = createObjectCache();
      const store = await createHistoryStore(asService(knex));
      const recorder = createHistoryRecorder({
        cache,
        store,
        logger: mockServices.logger.mock(),
      });
      const observe = (configRevision: string, resourceVersion: string) =>
        cache.upsert(APP_KIND, {
          record: normalizeObject(chartWithValues(configRevision), {
            cluster: 'dev',
          }),
          match: {},
          resourceVersion,
        });
      const rows = () =>
        store.query({ entityRef: 'x', objectKeys: [KEY], limit: 10 });
      return { recorder, observe, rows };
    }

    it('records a change of the second source only, with every revision', async () => {
      const { recorder, observe, rows } = await startProcess();
      observe(CONFIG_SHA_1, '1');
      observe(CONFIG_SHA_2, '2');
      await recorder.stop();
      expect(
        (await rows()).map(row => [row.from.revisions, row.to.revisions]),
      ).toEqual([
        [
          ['1.2.3', CONFIG_SHA_1],
          ['1.2.3', CONFIG_SHA_2],
        ],
        [undefined, ['1.2.3', CONFIG_SHA_1]],
      ]);
    });

    it('records what each revision belongs to: the chart and the config repo', async () => {
      const { recorder, observe, rows } = await startProcess();
      observe(CONFIG_SHA_1, '1');
      await recorder.stop();
      expect((await rows()).map(row => row.sources)).toEqual([
        [
          { repoURL: 'https://charts.example.org', chart: 'web' },
          { repoURL: 'https://github.com/acme/config' },
        ],
      ]);
    });

    it('records nothing after a restart when no revision changed', async () => {
      const before = await startProcess();
      before.observe(CONFIG_SHA_1, '1');
      await before.recorder.stop();
      const after = await startProcess();
      after.observe(CONFIG_SHA_1, '2');
      await after.recorder.stop();
      expect(await after.rows()).toHaveLength(1);
    });

    it('reads rows written before the revisions columns existed', async () => {
      await createHistoryStore(asService(knex));
      const directory = resolvePackagePath(
        '@gitops-portal/plugin-gitops-backend',
        'migrations',
      );
      await knex.migrate.down({
        directory,
        name: '20261206120000_history_revisions.js',
      });
      await knex('gitops_history').insert({
        object_key: KEY,
        resource_version: '7',
        entity_refs: '',
        cluster: 'dev',
        kind: 'Application',
        name: 'shop',
        to_sync: 'Synced',
        to_health: 'Healthy',
        to_revision: '1.2.3',
        at: new Date('2026-01-01T10:00:00Z'),
      });
      const store = await createHistoryStore(asService(knex));
      const [row] = await store.query({
        entityRef: 'x',
        objectKeys: [KEY],
        limit: 10,
      });
      expect(row.to).toEqual({
        sync: 'Synced',
        health: 'Healthy',
        revision: '1.2.3',
      });
    });
  },
);
