import { configRepoState, messagesOf } from './__testUtils__/configRepoState';
import { objectsOf } from './__testUtils__/configRepoCheckout';
import { useTemplateHarness } from './__testUtils__/templateHarness';

const TEMPLATE = 'templates/add-secret/template.yaml';
const VALUE = 'typed-into-the-form-93b2e7';
const SECRETS = { value: VALUE };

/*
 * The sandbox configures one way per environment (packages/sandbox/src/demo/secretMethods.ts): dev SOPS (the
 * seeded .sops.yaml), staging sealed-secrets, prod External Secrets (ClusterSecretStore vault).
 */
describe('templates/add-secret', () => {
  const harness = useTemplateHarness({ templates: [TEMPLATE] });
  const values = (environment: string, extra: Record<string, string>) => ({
    service: 'component:default/payments-api',
    environment,
    name: 'payments-db',
    key: 'password',
    repoUrl: harness.repoUrl,
    ...extra,
  });
  // The form's Secret field leaves stars in the parameters; the value itself is a task secret.
  const typed = { source: 'typed', value: '*'.repeat(VALUE.length) };

  /** The objects `kubectl kustomize` renders for payments-api in `environment` on the task's branch. */
  async function rendered(branch: string, environment: string) {
    const { overlays } = await harness.cloneAndBuildOverlays(branch, {
      services: ['payments-api'],
    });
    return objectsOf(overlays[`apps/payments-api/overlays/${environment}`]);
  }

  it('dry-runs the sealed secret without writing to the config repo or logging the value', async () => {
    const before = await configRepoState(harness);

    const result = await harness.dryRun(
      TEMPLATE,
      values('staging', typed),
      {},
      SECRETS,
    );

    expect(result.error).toBeUndefined();
    const messages = messagesOf(result.log);
    expect(messages).toContainEqual(
      expect.stringContaining(
        'dry run: would write apps/payments-api/overlays/staging/secrets/payments-db.yaml',
      ),
    );
    expect(JSON.stringify(result)).not.toContain(VALUE);
    expect(await configRepoState(harness)).toEqual(before);
  });

  it.each([
    ['staging', 'SealedSecret', typed, {}],
    [
      'dev',
      'Secret',
      typed,
      // SOPS: the value is ENC[AES256_GCM,...] and the sops block names the seeded .sops.yaml's recipient.
      {
        stringData: { password: expect.stringMatching(/^ENC\[AES256_GCM,/) },
        sops: {
          age: [
            expect.objectContaining({
              recipient: expect.stringMatching(/^age1/),
            }),
          ],
        },
      },
    ],
    [
      'prod',
      'ExternalSecret',
      {
        source: 'store',
        remoteKey: 'prod/payments-api/db',
        remoteProperty: 'password',
      },
      {
        spec: {
          data: [
            {
              secretKey: 'password',
              remoteRef: { key: 'prod/payments-api/db', property: 'password' },
            },
          ],
        },
      },
    ],
  ])(
    '%s: opens a pull request whose overlay renders a %s and no plaintext',
    async (environment, kind, extra, shape) => {
      const task = await harness.run(
        TEMPLATE,
        values(environment, extra),
        SECRETS,
      );

      expect(task).toMatchObject({ status: 'completed' });
      const pull = (await harness.pullRequests()).find(
        p =>
          p.head.ref ===
          `gitops/secret/payments-api-${environment}-payments-db`,
      )!;
      expect(task.output.links).toEqual([
        { title: 'Pull request', url: pull.html_url },
      ]);
      const objects = await rendered(pull.head.ref, environment);
      const secret = objects.find(o => o.metadata.name === 'payments-db')!;
      expect(secret).toMatchObject({
        kind,
        metadata: { namespace: 'payments-api' },
        ...shape,
      });
      const everything = JSON.stringify({ task, pull, objects });
      expect(everything).not.toContain(VALUE);
    },
  );

  it('refuses a typed value for an External Secrets environment and opens no PR', async () => {
    const before = await configRepoState(harness);

    const task = await harness.run(TEMPLATE, values('prod', typed), SECRETS);

    expect(task.status).toBe('failed');
    expect(task.error).toMatch(
      /prod takes secrets from its store \(external-secrets\): a typed secret is not taken, give remoteKey/,
    );
    expect(task.error).not.toContain(VALUE);
    expect(await configRepoState(harness)).toEqual(before);
  });
});
