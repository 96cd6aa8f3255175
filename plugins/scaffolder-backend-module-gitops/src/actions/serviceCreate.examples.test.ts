import { useConfigRepo } from '../__testUtils__/harness';
import {
  runServiceCreateExample,
  serviceCreateExamples,
} from '../__testUtils__/serviceCreateExamples';

// The Helm-packaged examples run in serviceCreate.helmExamples.test.ts.
describe('gitops:service:create examples packaged with kustomize', () => {
  const github = useConfigRepo();

  it.each(serviceCreateExamples('kustomize'))(
    '%s: opens a PR whose environments render',
    async (_description, exampleInput) => {
      const run = await runServiceCreateExample(github, exampleInput);

      expect(run.status).toBe('opened');
      for (const [env, rendered] of run.rendered) {
        // A workload, or (remote chart) the HelmRelease Flux installs it with.
        expect(rendered).toMatch(/kind: (Deployment|Rollout|HelmRelease)\n/);
        // Helm quotes the label (`env: "dev"`), kustomize does not.
        expect(rendered).toMatch(new RegExp(`env: "?${env}"?\n`));
      }
    },
  );
});
