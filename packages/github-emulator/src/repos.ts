import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NewCommit, writeCommit } from './git/commits';
import { GitRepo } from './git/repo';
import { buildTree } from './git/trees';
import { ApiError, notFound, validationFailed } from './http/api';
import { MetadataStore, RepoMeta } from './store/metadata';

const NAME_PATTERN = /^[A-Za-z0-9_.-]+$/;

/** GitHub owner and repo names; also what keeps them safe as path segments. */
export function isValidName(name: string): boolean {
  return NAME_PATTERN.test(name) && name !== '.' && name !== '..';
}

export interface RepoHandle {
  owner: string;
  name: string;
  git: GitRepo;
  meta: RepoMeta;
}

export interface NewRepo {
  defaultBranch?: string;
  files?: Record<string, string>;
  message?: string;
  private?: boolean;
  description?: string | null;
  author: NewCommit['author'];
}

/** The bare repositories under `<dataDir>/repos` and their metadata. */
export class RepoRegistry {
  /** Repos being created right now, so two concurrent creates cannot both pass. */
  private readonly creating = new Set<string>();

  constructor(readonly root: string, private readonly store: MetadataStore) {}

  path(owner: string, name: string): string {
    return join(this.root, owner, `${name}.git`);
  }

  exists(owner: string, name: string): boolean {
    return (
      isValidName(owner) &&
      isValidName(name) &&
      existsSync(join(this.path(owner, name), 'HEAD'))
    );
  }

  /** Names of the repositories `owner` has, sorted. */
  listOwned(owner: string): string[] {
    if (!isValidName(owner)) return [];
    const dir = join(this.root, owner);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter(entry => entry.endsWith('.git'))
      .map(entry => entry.slice(0, -'.git'.length))
      .filter(name => this.exists(owner, name))
      .sort();
  }

  open(owner: string, name: string): RepoHandle | null {
    if (!this.exists(owner, name)) return null;
    return {
      owner,
      name,
      git: new GitRepo(this.path(owner, name)),
      meta: this.store.repo(owner, name),
    };
  }

  require(owner: string, name: string): RepoHandle {
    const repo = this.open(owner, name);
    if (!repo) throw notFound();
    return repo;
  }

  /** Creates a bare repo, with an initial commit when files are given. */
  async create(
    owner: string,
    name: string,
    spec: NewRepo,
  ): Promise<RepoHandle> {
    if (!isValidName(owner) || !isValidName(name)) {
      throw validationFailed([
        {
          resource: 'Repository',
          code: 'custom',
          field: 'name',
          message: 'name is invalid',
        },
      ]);
    }
    const key = `${owner}/${name}`;
    if (this.exists(owner, name) || this.creating.has(key)) {
      throw validationFailed(
        [
          {
            resource: 'Repository',
            code: 'custom',
            field: 'name',
            message: 'name already exists on this account',
          },
        ],
        'Repository creation failed.',
      );
    }
    this.creating.add(key);
    try {
      return await this.initialize(owner, name, spec);
    } finally {
      this.creating.delete(key);
    }
  }

  private async initialize(
    owner: string,
    name: string,
    spec: NewRepo,
  ): Promise<RepoHandle> {
    const branch = spec.defaultBranch ?? 'main';
    if (
      !(await new GitRepo(this.root).isValidRefName(`refs/heads/${branch}`))
    ) {
      throw new ApiError(422, `Invalid default branch: ${branch}`);
    }
    const git = await GitRepo.init(this.path(owner, name), branch);
    this.store.forgetRepo(owner, name);
    const meta = this.store.repo(owner, name, spec.private ?? false);
    meta.private = spec.private ?? false;
    meta.description = spec.description ?? null;
    this.store.save();
    if (spec.files) {
      const files = Object.entries(spec.files);
      const shas = await git.writeBlobs(
        files.map(([, content]) => Buffer.from(content, 'utf8')),
      );
      const changes = files.map(([path], i) => ({
        path,
        mode: '100644',
        type: 'blob' as const,
        sha: shas[i],
      }));
      const tree = await buildTree(git, null, changes);
      const commit = await writeCommit(git, {
        tree,
        parents: [],
        message: spec.message ?? 'Initial commit',
        author: spec.author,
      });
      await git.compareAndSwapRef(`refs/heads/${branch}`, commit, null);
    }
    return { owner, name, git, meta };
  }
}
