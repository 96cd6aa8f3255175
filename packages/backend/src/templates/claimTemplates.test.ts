import {
  claimValue,
  claimValues,
  SERVICE,
  TEMPLATES,
} from './__testUtils__/claimTemplateSpecs';
import { configRepoState, messagesOf } from './__testUtils__/configRepoState';
import { JsonObject } from './__testUtils__/scaffolderClient';
import { useTemplateHarness } from './__testUtils__/templateHarness';

/*
 * Every claim template (new-database, new-bucket, new-queue) writes nothing on a dry run, and fails on bad input with
 * a clear error, opening no PR. The real runs, whose PRs render the claim in every overlay of the service, are in
 * claimTemplates.pullRequests.test.ts. One harness (sandbox and backend) serves the three templates.
 */
const harness = useTemplateHarness({
  templates: TEMPLATES.map(spec => spec.templatePath),
});

describe.each(TEMPLATES.map(spec => [spec.templatePath, spec] as const))(
  '%s',
  (_path, spec) => {
    const values = (name: string, claim?: JsonObject) =>
      claimValues(harness, spec, name, claim);

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

    it.each([
      [
        'parameters the XRD schema refuses',
        async () =>
          values(
            'bad-parameters',
            await claimValue(
              harness,
              spec.claimKind,
              spec.badParameters.parameters,
            ),
          ),
        'failed',
        spec.badParameters.message,
      ],
      [
        `an XRD of another kind (${spec.otherKind})`,
        async () =>
          values('other-kind', await claimValue(harness, spec.otherKind, {})),
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
