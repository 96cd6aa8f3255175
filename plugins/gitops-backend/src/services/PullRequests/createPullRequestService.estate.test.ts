import { describeWithEstate, estateFiles } from '@internal/estate-fixtures';
import { usePullRequestService } from '../../__testUtils__/pullRequestService';

const TOKEN = 'estate-promote-token';
/** The public Flux example estate, read at test time (never copied into the repo). */
const ESTATE = 'flux2-kustomize-helm-example';
const VALUES = 'apps/production/podinfo-values.yaml';

/** A promotion through the service on an estate laid out its own way (Flux's apps/<env>/ folders). */
describeWithEstate(
  ESTATE,
  'PullRequestService.promote on the flux2-kustomize-helm-example estate',
  () => {
    const pullRequests = usePullRequestService(TOKEN);

    it('promotes the HelmRelease chart version from staging to production in apps/production/podinfo-values.yaml', async () => {
      const files = estateFiles(ESTATE, 'apps');
      await pullRequests.github.createRepo('acme', 'flux-estate', { files });
      const service = pullRequests.service('flux-estate', {
        environments: ['staging', 'production'],
        // The public example labels nothing with our team/env labels.
        validation: { rules: { 'team-env-labels': { enabled: false } } },
      });

      const result = await service.promote({
        entityRef: 'component:default/podinfo',
        service: 'podinfo',
        from: 'staging',
        to: 'production',
      });

      const changed = await pullRequests.pullRequestFiles(
        'flux-estate',
        result.number,
      );
      expect(changed.map(f => f.filename)).toEqual([VALUES]);
      expect(changed[0].patch).toContain('-      version: ">=1.0.0"');
      expect(changed[0].patch).toContain('+      version: ">=1.0.0-alpha"');
    });
  },
);
