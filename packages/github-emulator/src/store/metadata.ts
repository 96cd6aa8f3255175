import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { isoSeconds } from '../git/commits';

export interface LabelMeta {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

/** Fields shared by issues and pull requests (they share one number sequence). */
export interface IssueLikeMeta {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  author: string;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export type IssueMeta = IssueLikeMeta;

export interface PullMeta extends IssueLikeMeta {
  draft: boolean;
  headRef: string;
  /** Last known head sha; the live branch wins while the PR is open. */
  headSha: string;
  baseRef: string;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  mergedBy: string | null;
  requestedReviewers: string[];
  requestedTeams: string[];
}

export interface RepoMeta {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  /** Settings accepted by PATCH /repos/{o}/{r} (allow_squash_merge, ...). */
  settings: Record<string, unknown>;
  nextNumber: number;
  labels: LabelMeta[];
  pulls: PullMeta[];
  issues: IssueMeta[];
  /** Commits GitHub would have signed (made through the API by an App). */
  verifiedCommits?: string[];
  /** Access, topics, Actions settings and branch protection (absent in older files). */
  extras?: RepoExtrasMeta;
}

/** Repository settings `publish:github` writes after creating a repo. */
export interface RepoExtrasMeta {
  topics: string[];
  /** login -> permission (pull, triage, push, maintain, admin). */
  collaborators: Record<string, string>;
  /** team slug -> permission. */
  teams: Record<string, string>;
  variables: Record<
    string,
    { value: string; createdAt: string; updatedAt: string }
  >;
  /** Names and dates only: the encrypted values are not kept. */
  secrets: Record<string, { createdAt: string; updatedAt: string }>;
  /** The repo's Actions public key (X25519, base64), created on first read. */
  secretsKey?: { keyId: string; key: string };
  /** branch -> the protection as sent to `PUT .../protection`. */
  branchProtection: Record<string, Record<string, unknown>>;
  /** branches whose protection requires signed commits. */
  requiredSignatures: string[];
  subscription?: { subscribed: boolean; ignored: boolean; createdAt: string };
  oidcSubClaim?: { useDefault: boolean; includeClaimKeys: string[] };
}

export interface TeamMeta {
  id: number;
  org: string;
  name: string;
  slug: string;
  description: string | null;
  privacy: string;
}

interface StoredState {
  version: 1;
  nextId: number;
  repos: Record<string, RepoMeta>;
  /** `org/slug` -> team (absent in older files). */
  teams?: Record<string, TeamMeta>;
}

/**
 * All non-git state, kept in memory and rewritten to one JSON file after each
 * change (write to a temp file, then rename, so a crash never leaves half a
 * file). Writes are synchronous, which keeps them ordered without locks.
 */
export class MetadataStore {
  private state: StoredState;

  constructor(private readonly file: string) {
    this.state = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as StoredState)
      : { version: 1, nextId: 1, repos: {} };
  }

  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state, null, 2));
    renameSync(temp, this.file);
  }

  nextId(): number {
    return this.state.nextId++;
  }

  findRepo(owner: string, name: string): RepoMeta | undefined {
    return this.state.repos[`${owner}/${name}`];
  }

  /** The repo's metadata, created with defaults for repos that exist only on disk. */
  repo(owner: string, name: string, isPrivate = false): RepoMeta {
    const key = `${owner}/${name}`;
    let meta = this.state.repos[key];
    if (!meta) {
      const now = isoSeconds();
      meta = {
        id: this.nextId(),
        owner,
        name,
        private: isPrivate,
        description: null,
        createdAt: now,
        updatedAt: now,
        settings: {},
        nextNumber: 1,
        labels: [],
        pulls: [],
        issues: [],
      };
      this.state.repos[key] = meta;
      this.save();
    }
    return meta;
  }

  /** The repo's extra settings, created empty on first use. */
  extras(meta: RepoMeta): RepoExtrasMeta {
    meta.extras ??= {
      topics: [],
      collaborators: {},
      teams: {},
      variables: {},
      secrets: {},
      branchProtection: {},
      requiredSignatures: [],
    };
    return meta.extras;
  }

  findTeam(org: string, slug: string): TeamMeta | undefined {
    return this.state.teams?.[`${org}/${slug}`];
  }

  listTeams(org: string): TeamMeta[] {
    return Object.values(this.state.teams ?? {}).filter(
      team => team.org === org,
    );
  }

  addTeam(team: TeamMeta): void {
    this.state.teams ??= {};
    this.state.teams[`${team.org}/${team.slug}`] = team;
    this.save();
  }

  /** Drops metadata left behind by a repo whose directory is gone, before it is recreated. */
  forgetRepo(owner: string, name: string): void {
    delete this.state.repos[`${owner}/${name}`];
  }

  /** Takes the next issue/PR number of a repo. */
  nextNumber(meta: RepoMeta): number {
    return meta.nextNumber++;
  }
}
