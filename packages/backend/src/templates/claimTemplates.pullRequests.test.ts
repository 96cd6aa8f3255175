import {
  ENVIRONMENTS,
  SERVICE,
  TEMPLATES,
  claimValues,
} from './__testUtils__/claimTemplateSpecs';
import { objectsOf } from './__testUtils__/configRepoCheckout';
import { useTemplateHarness } from './__testUtils__/templateHarness';

/*
 * A real run of every claim template (new-database, new-bucket, new-queue) opens a PR whose every overlay of the
 * service renders the claim. One harness serves the three: their PRs go to branches of their own. The dry runs and
 * refusals are in claimTemplates.test.ts.
 */
const harness = useTemplateHarness({
  templates: TEMPLATES.map(spec => spec.templatePath),
});

describe.each(TEMPLATES.map(spec => [spec.templatePath, spec] as const))(
  '%s',
  (_path, spec) => {
    it('opens a pull request whose every overlay renders the claim', async () => {
      // The claim's name is its branch's: one per template, as the templates share the config repo.
      const name = `real-${spec.claimKind.toLowerCase()}`;

      const task = await harness.run(
        spec.templatePath,
        await claimValues(harness, spec, name),
      );

      expect(task).toMatchObject({ status: 'completed' });
      const [pull] = await harness.pullRequests();
      expect(task.output.links).toEqual([
        { title: 'Pull request', url: pull.html_url },
      ]);
      const built = await harness.cloneAndBuildOverlays(pull.head.ref, {
        services: [SERVICE],
      });
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
  },
);
