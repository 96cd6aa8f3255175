import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleGitops } from './module';

describe('scaffolderModuleGitops', () => {
  it('registers the nine gitops actions, each supporting dry runs', async () => {
    const actions: TemplateAction<any, any, any>[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          {
            addActions: (...added: TemplateAction<any, any, any>[]) =>
              actions.push(...added),
          },
        ],
      ],
      features: [
        scaffolderModuleGitops,
        mockServices.rootConfig.factory({
          data: { integrations: { github: [] } },
        }),
      ],
    });
    try {
      expect(actions.map(a => a.id)).toEqual([
        'gitops:service:create',
        'gitops:promote',
        'gitops:pull-request',
        'gitops:rollback',
        'gitops:decommission',
        'gitops:crossplane:claim',
        'gitops:team:onboard',
        'gitops:secret:add',
        'gitops:drift-policy:set',
        'gitops:workload:adopt',
        'gitops:cluster:request',
        'gitops:preview:enable',
      ]);
      expect(actions.every(a => a.supportsDryRun)).toBe(true);
      expect(actions.every(a => (a.examples ?? []).length >= 2)).toBe(true);
    } finally {
      await backend.stop();
    }
  });

  it('refuses to start with a bad branch prefix, naming the key', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [scaffolderActionsExtensionPoint, { addActions: () => {} }],
        ],
        features: [
          scaffolderModuleGitops,
          mockServices.rootConfig.factory({
            data: {
              integrations: { github: [] },
              gitops: { pullRequests: { branchPrefix: 'bad..prefix/' } },
            },
          }),
        ],
      }),
    ).rejects.toThrow('gitops.pullRequests.branchPrefix');
  });
});
