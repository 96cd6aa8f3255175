import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  createGithubClient,
  openConfigRepoPullRequest,
  promoteImage,
  readValidationOptions,
} from '@internal/plugin-gitops-node';
import { PromotionService } from './types';

interface ConfigRepo {
  host: string;
  owner: string;
  repo: string;
  branch: string;
}

function readConfigRepo(config: RootConfigService): ConfigRepo | undefined {
  const repo = config.getOptionalConfig('gitops.configRepo');
  if (!repo) return undefined;
  return {
    host: repo.getString('host'),
    owner: repo.getString('owner'),
    repo: repo.getString('repo'),
    branch: repo.getOptionalString('branch') ?? 'main',
  };
}

export function createPromotionService(options: {
  config: RootConfigService;
  logger: LoggerService;
}): PromotionService {
  const { config, logger } = options;
  const configRepo = readConfigRepo(config);
  const validation = readValidationOptions(config);

  return {
    async promote({ entityRef, service, from, to }) {
      if (!configRepo) {
        throw new InputError(
          'gitops.configRepo is not configured: promotions need the GitOps config repo',
        );
      }
      const { host, owner, repo, branch: baseBranch } = configRepo;
      const octokit = await createGithubClient({
        config,
        repoUrl: `https://${host}/${owner}/${repo}`,
        logger,
      });
      const result = await openConfigRepoPullRequest({
        octokit,
        owner,
        repo,
        baseBranch,
        branch: `gitops/promote/${service}-${to}`,
        title: `Promote ${service} ${from} → ${to}`,
        body: `Promotes the image of \`${service}\` from \`${from}\` to \`${to}\`, requested from the portal for \`${entityRef}\`.`,
        labels: ['gitops', 'promotion'],
        change: { yamlEdits: [promoteImage({ service, from, to })] },
        validate: validation,
        logger,
      });
      if (result.status === 'empty' || !result.url || !result.number) {
        throw new ConflictError(
          `Nothing to promote: ${to} already runs the image of ${from}`,
        );
      }
      logger.info(`gitops: promotion PR ${result.status}`, {
        entityRef,
        url: result.url,
      });
      return { url: result.url, number: result.number, branch: result.branch };
    },
  };
}
