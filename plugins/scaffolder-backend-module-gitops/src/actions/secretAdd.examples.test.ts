import { unsealValue } from '@internal/estate-fixtures';
import { decryptSops } from 'sops-age';
import yaml from 'yaml';
import { exampleInputs, useConfigRepo } from '../__testUtils__/harness';
import {
  sopsMacMatches,
  sopsRecipient,
  withSecretMethods,
} from '../__testUtils__/secretSettings';
import { createGitopsSecretAddAction } from './secretAdd';
import { examples } from './secretAdd.examples';

const VALUE = 'example-value-5d1c9a';

/** Checks what an environment's rendered overlay holds the way its controller would read it. */
async function expectControllerOpens(
  environment: string,
  objects: any[],
  identity: string,
) {
  switch (environment) {
    case 'prod':
      expect(objects.find(o => o.kind === 'ExternalSecret')).toMatchObject({
        apiVersion: 'external-secrets.io/v1',
        metadata: { name: 'db-credentials', namespace: 'web' },
        spec: {
          secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
          target: { name: 'db-credentials' },
          data: [
            {
              secretKey: 'password',
              remoteRef: { key: 'prod/web/db', property: 'password' },
            },
          ],
        },
      });
      return;
    case 'staging': {
      const sealed = objects.find(o => o.kind === 'SealedSecret');
      expect(sealed.metadata).toMatchObject({
        name: 'api-token',
        namespace: 'web',
      });
      // strict scope: the label is `<namespace>/<name>`
      expect(
        unsealValue(sealed.spec.encryptedData.token, 'web/api-token'),
      ).toBe(VALUE);
      return;
    }
    default: {
      const secret = objects.find(o => o.kind === 'Secret');
      const decrypted = await decryptSops(yaml.stringify(secret), {
        secretKey: identity,
        fileType: 'yaml',
      });
      expect(decrypted.stringData).toEqual({ token: VALUE });
      // Flux decrypts the object kustomize built: the MAC must still match after the build.
      expect(await sopsMacMatches(secret, decrypted, identity)).toBe(true);
    }
  }
}

describe('gitops:secret:add examples', () => {
  const github = useConfigRepo();

  it.each(exampleInputs(examples))(
    '%s: the overlay renders what the controller opens',
    async (_description, exampleInput) => {
      const { identity, sopsYaml } = await sopsRecipient();
      const { repo, repoUrl } = await github.newRepo({
        '.sops.yaml': sopsYaml,
      });
      const input: Record<string, any> = { ...exampleInput, repoUrl };
      if (input.value) input.value = VALUE;
      const { ctx, outputs } = await github.context(input, {
        secrets: { value: VALUE },
      });

      await createGitopsSecretAddAction(
        withSecretMethods(github.deps()),
      ).handler(ctx);

      expect(outputs.status).toBe('opened');
      const { rendered } = await github.renderTouchedOverlays(
        repo,
        outputs.branch as string,
        outputs.changedFiles as string[],
      );
      const overlay = `apps/web/overlays/${input.environment}`;
      expect(Object.keys(rendered)).toEqual([overlay]);
      expect(rendered[overlay]).not.toContain(VALUE);
      await expectControllerOpens(
        input.environment,
        yaml.parseAllDocuments(rendered[overlay]).map(doc => doc.toJS()),
        identity,
      );
    },
  );
});
