import { Server } from 'node:http';
import { Cluster } from './cluster';
import { createControlServer } from './control/controlServer';
import { EmulatedCluster, KubeEmulator, KubeEmulatorOptions } from './types';

const SAFE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;

class Emulator implements KubeEmulator {
  constructor(
    private readonly all: Cluster[],
    private readonly control?: Server,
    readonly controlUrl?: string,
  ) {}

  get clusters(): EmulatedCluster[] {
    return [...this.all];
  }

  cluster(name: string): EmulatedCluster {
    const found = this.all.find(c => c.name === name);
    if (!found) throw new Error(`unknown cluster "${name}"`);
    return found;
  }

  async close() {
    if (this.control) {
      const control = this.control;
      const closed = new Promise<void>(resolve =>
        control.close(() => resolve()),
      );
      control.closeAllConnections();
      await closed;
    }
    await Promise.all(this.all.map(c => c.close()));
  }
}

/** Starts one HTTP server per cluster (plus the control API if asked) in this process. */
export async function startKubeEmulator(
  options: KubeEmulatorOptions,
): Promise<KubeEmulator> {
  const names = new Set<string>();
  for (const c of options.clusters) {
    // Names become file names (kubeconfig, state), so keep them path-safe.
    if (!SAFE_NAME.test(c.name))
      throw new Error(`invalid cluster name "${c.name}"`);
    if (names.has(c.name))
      throw new Error(`duplicate cluster name "${c.name}"`);
    names.add(c.name);
  }
  const host = options.host ?? '127.0.0.1';
  const clusters = options.clusters.map(
    c =>
      new Cluster({
        name: c.name,
        host,
        port: c.port ?? 0,
        token: c.token,
        kubeconfigDir: options.kubeconfigDir,
        stateDir: options.stateDir,
        historySize: options.historySize ?? 1000,
        bookmarkIntervalMs: options.bookmarkIntervalMs ?? 5000,
        continueTokenTtlMs: options.continueTokenTtlMs ?? 5 * 60 * 1000,
      }),
  );
  try {
    await Promise.all(clusters.map(c => c.init()));
  } catch (e) {
    await Promise.all(clusters.map(c => c.stop()));
    throw e;
  }
  if (options.controlPort === undefined) return new Emulator(clusters);
  const control = createControlServer(clusters);
  try {
    await new Promise<void>((resolve, reject) => {
      control.once('error', reject);
      control.listen(options.controlPort, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    await Promise.all(clusters.map(c => c.close()));
    throw e;
  }
  const address = control.address();
  const port =
    address && typeof address === 'object' ? address.port : options.controlPort;
  return new Emulator(clusters, control, `http://127.0.0.1:${port}`);
}
