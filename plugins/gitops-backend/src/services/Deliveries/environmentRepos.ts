import { InputError } from '@backstage/errors';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import {
  ConfigRepoLocation,
  configRepoUrl,
  githubRepoOf,
  sameRepo,
  serviceFolderOf,
} from '@gitops-portal/plugin-gitops-node';
import { ConfigRepoLayout } from '../ConfigRepoLayout';
import {
  deliveryRank,
  environmentOf,
  isDeliveringObject,
} from './deliveryTimeline';

/** The config repo one environment of a service deploys from, as the GitHub API names it. */
export interface EnvironmentRepo {
  /** `https://host/owner/repo`, the URL `integrations.github` matches (GitHub or a GitHub Enterprise host). */
  url: string;
  owner: string;
  repo: string;
  /** The places (folders, files) the environment's live objects name in it; empty where the configured repo stands in. */
  places: string[];
}

/** The repo an environment deploys from, or why the portal cannot tell. */
export type EnvironmentRepoAnswer =
  | { repo: EnvironmentRepo }
  | { unavailable: string };

export const NO_CONFIG_REPO =
  'No config repo is configured (gitops.configRepo) and no live object names one';

/** The environments of an entity's delivering objects, in delivery `order` (others after, as first seen). */
export function deliveringEnvironments(
  objects: ObjectStatus[],
  order: string[],
): string[] {
  const rank = deliveryRank(order);
  return [
    ...new Set(objects.filter(isDeliveringObject).map(environmentOf)),
  ].sort((a, b) => rank(a) - rank(b));
}

/** `owner/repo` of each repo, once, in the order given (the environments'). */
export const repoNames = (repos: EnvironmentRepo[]) =>
  [...new Set(repos.map(repo => `${repo.owner}/${repo.repo}`))].join(', ');

/**
 * Finds the config repo (host, owner/name) and places each environment of a service deploys from: the layout's
 * discovery from live objects (`ConfigRepoLayout.liveFiles`, what promotions, rollbacks and decommissions use),
 * with `gitops.configRepo` where nothing live names a repo. Two repos claiming one environment (the layout's
 * InputError) answer `unavailable` with its message.
 */
export function environmentRepoFinder(options: {
  layout?: Pick<ConfigRepoLayout, 'liveFiles'>;
  configRepo?: ConfigRepoLocation;
}) {
  const { layout, configRepo } = options;
  return async (
    entityRef: string,
    environment: string,
    /** The entity's objects, read already by the caller. */
    objects: ObjectStatus[],
  ): Promise<EnvironmentRepoAnswer> => {
    let live;
    try {
      // A page view: no cluster read per Application to follow it to its ApplicationSet. Commits are then read in
      // the repo the Application names, which may not be its files generator's (promotions follow the generator).
      live = await layout?.liveFiles(entityRef, environment, objects, {
        followApplicationSets: false,
      });
    } catch (error) {
      if (error instanceof InputError) return { unavailable: error.message };
      throw error;
    }
    const url =
      live?.repoUrl ?? (configRepo ? configRepoUrl(configRepo) : undefined);
    if (!url) return { unavailable: NO_CONFIG_REPO };
    const id = githubRepoOf(url);
    if (!id) return { unavailable: `${url} names no GitHub repository` };
    // A place without a repo is in the configured repo, the one that stands in when no place names a repo.
    const places = (live?.locations ?? [])
      .filter(l => (l.repoUrl ? sameRepo(l.repoUrl, url) : !live?.repoUrl))
      .map(l => l.path);
    return { repo: { ...id, places } };
  };
}

/**
 * The service's own folders among the places its environments deploy from, each widened to its nearest folder
 * named after the service (`teams/a/shop/overlays/prod/` → `teams/a/shop`: the base is the service's too); a place
 * in a folder shared with other services stays itself (`apps/production/shop-values.yaml`).
 */
export function serviceFolders(service: string, places: string[]): string[] {
  return [
    ...new Set(
      places.map(
        place => serviceFolderOf(place, service) ?? place.replace(/\/+$/, ''),
      ),
    ),
  ];
}
