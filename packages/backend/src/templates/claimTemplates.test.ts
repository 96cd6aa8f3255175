import { objectsOf } from './__testUtils__/configRepoCheckout';
import { configRepoState, messagesOf } from './__testUtils__/configRepoState';
import { JsonObject } from './__testUtils__/scaffolderClient';
import { useTemplateHarness } from './__testUtils__/templateHarness';

/** One Crossplane claim template and the cases its tests run. */
interface ClaimTemplateSpec {
  templatePath: string;
  /** The claim kind the template's GitopsCrossplaneClaim field is narrowed to. */
  claimKind: string;
  /** Parameters the sandbox's XRD accepts. */
  parameters: JsonObject;
  /** Parameters the XRD's schema refuses, and what the error names. */
  badParameters: { parameters: JsonObject; message: RegExp };
  /** A claim kind of another template, which this one must refuse. */
  otherKind: string;
}

const SERVICE = 'payments-api';
const ENVIRONMENTS = ['dev', 'staging', 'prod'];

const TEMPLATES: ClaimTemplateSpec[] = [
  {
    templatePath: 'templates/new-database/template.yaml',
    claimKind: 'PostgreSQLInstance',
    parameters: { storageGB: 50, version: '16', size: 'medium' },
    badParameters: {
      parameters: { storageGB: 5, version: '16' },
      message: /storageGB/,
    },
    otherKind: 'Bucket',
  },
  {
    templatePath: 'templates/new-bucket/template.yaml',
    claimKind: 'Bucket',
    parameters: { versioning: true, retentionDays: 90 },
    badParameters: {
      parameters: { retentionDays: 0 },
      message: /retentionDays/,
    },
    otherKind: 'Queue',
  },
  {
    templatePath: 'templates/new-queue/template.yaml',
    claimKind: 'Queue',
    parameters: { fifo: true, visibilityTimeoutSeconds: 60 },
    badParameters: { parameters: { fifo: 'yes' }, message: /fifo/ },
    otherKind: 'PostgreSQLInstance',
  },
];

/*
 * Every claim template (new-database, new-bucket, new-queue): a dry run that writes nothing, a real run whose PR
 * renders the claim in every overlay of the service, and bad input that fails with a clear error and opens no PR.
 */
describe.each(TEMPLATES.map(spec => [spec.templatePath, spec] as const))(
  '%s',
  (_path, spec) => {
    const harness = useTemplateHarness({ templates: [spec.templatePath] });

    /** What the GitopsCrossplaneClaim field sends: an XRD as GET /api/gitops/xrds serves it. */
    async function claimValue(kind: string, parameters: JsonObject) {
      const xrd = (await harness.xrds()).find(x => x.claimKind === kind);
      if (!xrd) throw new Error(`The sandbox serves no XRD for ${kind}`);
      return { xrd, version: 'v1alpha1', parameters };
    }

    async function values(name: string, claim?: JsonObject) {
      return {
        service: `component:default/${SERVICE}`,
        name,
        claim: claim ?? (await claimValue(spec.claimKind, spec.parameters)),
        repoUrl: harness.repoUrl,
      };
    }

    it('dry-runs the claim without writing to the config repo', async () => {
      const before = await configRepoState(harness);

      const result = await harness.dryRun(
        spec.templatePath,
        await values('dry'),
      );

      expect(result.error).toBeUndefined();
      expect(messagesOf(result.log)).toContainEqual(
        expect.stringContaining(
          `dry run: would write apps/${SERVICE}/claims/dry.yaml`,
        ),
      );
      expect(await configRepoState(harness)).toEqual(before);
    });

    it('opens a pull request whose every overlay renders the claim', async () => {
      const name = 'real';

      const task = await harness.run(spec.templatePath, await values(name));

      expect(task).toMatchObject({ status: 'completed' });
      const [pull] = await harness.pullRequests();
      expect(task.output.links).toEqual([
        { title: 'Pull request', url: pull.html_url },
      ]);
      const built = await harness.cloneAndBuildOverlays(pull.head.ref);
      for (const env of ENVIRONMENTS) {
        const claims = objectsOf(
          built.overlays[`apps/${SERVICE}/overlays/${env}`],
        ).filter(obj => obj.kind === spec.claimKind);
        expect(claims).toEqual([
          expect.objectContaining({
            apiVersion: 'platform.acme.io/v1alpha1',
            metadata: expect.objectContaining({ name, namespace: SERVICE }),
            spec: {
              parameters: spec.parameters,
              writeConnectionSecretToRef: { name: `${name}-connection` },
            },
          }),
        ]);
      }
    });

    it.each([
      [
        'parameters the XRD schema refuses',
        async () =>
          values(
            'bad-parameters',
            await claimValue(spec.claimKind, spec.badParameters.parameters),
          ),
        'failed',
        spec.badParameters.message,
      ],
      [
        `an XRD of another kind (${spec.otherKind})`,
        async () => values('other-kind', await claimValue(spec.otherKind, {})),
        'rejected',
        /claimKind/,
      ],
      [
        'a name that is not DNS-1123',
        async () => values('Not_A_Label'),
        'rejected',
        /name does not match pattern/,
      ],
    ])(
      'refuses %s and opens no PR',
      async (_case, makeValues, status, message) => {
        const before = await configRepoState(harness);

        const task = await harness.run(spec.templatePath, await makeValues());

        expect(task.status).toBe(status);
        expect(task.error).toMatch(message);
        expect(await configRepoState(harness)).toEqual(before);
      },
    );
  },
);
