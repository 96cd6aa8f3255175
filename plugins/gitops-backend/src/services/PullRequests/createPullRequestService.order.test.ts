import { mockServices } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createPullRequestService } from './createPullRequestService';

/** Promotions in the order of `gitops.environments`: refused before the config repo is read. */
describe('PullRequestService.promote with gitops.environments', () => {
  const service = createPullRequestService({
    config: mockServices.rootConfig({
      data: { gitops: { environments: ['dev', 'staging', 'prod'] } },
    }),
    logger: mockServices.logger.mock(),
  });

  it.each([
    [
      'an earlier environment',
      'staging',
      'dev',
      /to: 'dev' does not come after 'staging'/,
    ],
    [
      'an environment outside the order',
      'staging',
      'qa',
      /to: 'qa' is not in gitops.environments/,
    ],
    [
      'from an environment outside the order',
      'qa',
      'prod',
      /from: 'qa' is not in gitops.environments/,
    ],
  ])('refuses a promotion to %s', async (_case, from, to, message) => {
    const request = {
      entityRef: 'component:default/web',
      service: 'web',
      from,
      to,
    };

    await expect(service.promote(request)).rejects.toThrow(InputError);
    await expect(service.previewPromotion(request)).rejects.toThrow(message);
  });
});
