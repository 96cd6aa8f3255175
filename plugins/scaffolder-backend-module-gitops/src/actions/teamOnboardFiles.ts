import { InputError } from '@backstage/errors';
import {
  ConfigRepoReader,
  generateServiceManifests,
} from '@gitops-portal/plugin-gitops-node';
import { parseAllDocuments } from 'yaml';

/** What a team gets in every environment it is onboarded to. */
export interface TeamOnboarding {
  team: string;
  /** The team's namespace (default the team name). */
  namespace: string;
  environments: string[];
  /** The repo the team's AppProject may deploy from. */
  sourceRepoUrl: string;
}

/**
 * The team's files per environment: `clusters/<env>/namespaces/<namespace>.yaml`
 * (Namespace and a RoleBinding giving the team's group `edit`) and
 * `clusters/<env>/argocd/projects/<team>.yaml` (the Argo CD AppProject).
 *
 * They come from gitops-node's service generator, the one public generator of
 * team files, so they are byte for byte what `gitops:service:create` writes for
 * the team later. The generator also makes a workload for its (placeholder)
 * image; only the team files are kept.
 */
export function teamOnboardingFiles(
  onboarding: TeamOnboarding,
): Record<string, string> {
  const seen = new Set<string>();
  for (const env of onboarding.environments) {
    if (seen.has(env)) {
      throw new InputError(`Environment ${env} is listed twice`);
    }
    seen.add(env);
  }
  const generated = generateServiceManifests({
    name: onboarding.namespace,
    team: onboarding.team,
    image: 'registry.invalid/team-onboarding/placeholder',
    environments: onboarding.environments.map(name => ({
      name,
      replicas: 0,
      imageTag: '0.0.0',
    })),
    delivery: { engine: 'argocd', repoUrl: onboarding.sourceRepoUrl },
  });
  const kept = new Set(
    onboarding.environments.flatMap(env => [
      `clusters/${env}/namespaces/${onboarding.namespace}.yaml`,
      `clusters/${env}/argocd/projects/${onboarding.team}.yaml`,
    ]),
  );
  return Object.fromEntries(
    Object.entries(generated).filter(([path]) => kept.has(path)),
  );
}

/** The `team` label of the Namespace in an existing namespace file (undefined when it has none). */
async function namespaceTeam(
  reader: ConfigRepoReader,
  baseBranch: string,
  path: string,
): Promise<string | undefined> {
  const text = await reader.readFile(path, baseBranch);
  if (text === undefined) return undefined;
  const namespace = parseAllDocuments(text)
    .map(doc => doc.toJSON())
    .find(obj => obj?.kind === 'Namespace');
  return namespace?.metadata?.labels?.team;
}

/**
 * The onboarding change against `baseBranch`: files the repo already has are
 * left alone (a team's AppProject may have been tuned by hand; this is no
 * blind overwrite), so onboarding twice changes nothing. A namespace that a
 * service (`apps/<namespace>/`) or another team already has is refused.
 */
export async function teamOnboardingChange(
  reader: ConfigRepoReader,
  baseBranch: string,
  onboarding: TeamOnboarding,
): Promise<{ files: Record<string, string>; existing: string[] }> {
  const files = teamOnboardingFiles(onboarding);
  const { entries } = await reader.readTree(baseBranch);
  const paths = new Set(entries.map(entry => entry.path));
  if (paths.has(`apps/${onboarding.namespace}`)) {
    throw new InputError(
      `Namespace ${onboarding.namespace} belongs to the service apps/${onboarding.namespace}/; choose another namespace`,
    );
  }
  const existing = Object.keys(files).filter(path => paths.has(path));
  for (const path of existing) {
    if (path.includes('/namespaces/')) {
      const owner = await namespaceTeam(reader, baseBranch, path);
      if (owner !== undefined && owner !== onboarding.team) {
        throw new InputError(
          `Namespace ${onboarding.namespace} belongs to team ${owner} (${path}); choose another namespace`,
        );
      }
    }
    delete files[path];
  }
  return { files, existing };
}
