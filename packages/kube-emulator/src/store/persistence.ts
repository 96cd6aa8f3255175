import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { KubeObject } from '../types';
import { resolveKind } from './seed';
import { ClusterStore } from './store';

interface StateFile {
  resourceVersion: number;
  objects: KubeObject[];
}

const DEBOUNCE_MS = 200;

/** Keeps `<stateDir>/<cluster>.json` in step with a store: loaded at start, saved debounced and on close. */
export class StatePersister {
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly file: string,
    private readonly store: ClusterStore,
  ) {
    this.unsubscribe = store.onChange(() => this.schedule());
  }

  /** Loads the saved objects (CRDs first, so their resources exist), without watch events. */
  load() {
    if (!existsSync(this.file)) return;
    const state = JSON.parse(readFileSync(this.file, 'utf8')) as StateFile;
    const crds = state.objects.filter(
      o => o.kind === 'CustomResourceDefinition',
    );
    const crdType = resolveKind(
      this.store,
      'apiextensions.k8s.io/v1',
      'CustomResourceDefinition',
    );
    this.store.load(
      crds.map(obj => ({ rt: crdType, obj })),
      state.resourceVersion,
    );
    crds.forEach(crd => this.store.registry.registerCrd(crd));
    const rest = state.objects.filter(
      o => o.kind !== 'CustomResourceDefinition',
    );
    this.store.load(
      rest.map(obj => ({
        rt: resolveKind(this.store, obj.apiVersion, obj.kind),
        obj,
      })),
      state.resourceVersion,
    );
  }

  private schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saving = this.saving
        .then(() => this.saveAsync())
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    this.timer.unref();
  }

  private snapshot(): string {
    const state: StateFile = {
      resourceVersion: this.store.resourceVersion,
      objects: this.store.allObjects(),
    };
    return JSON.stringify(state);
  }

  private async saveAsync() {
    const tmp = `${this.file}.tmp`;
    await writeFile(tmp, this.snapshot(), { mode: 0o600 });
    await rename(tmp, this.file);
  }

  /** Writes now (pending debounced save included) and stops listening for changes. */
  async close() {
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.saving;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, this.snapshot(), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
