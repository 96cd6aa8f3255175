/**
 * The kube-emulator in a child process (its CLI), so the bench process's memory is the backend's
 * own: objects the emulator stores do not count in the bench's RSS and heap figures.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface RemoteCluster {
  name: string;
  url: string;
  token: string;
  /** Applies objects through the control API (watch events as with `cluster.apply`). */
  apply(objects: unknown): Promise<void>;
}

export interface EmulatorProcess {
  clusters: RemoteCluster[];
  close(): Promise<void>;
}

const CLI = join(__dirname, '../../packages/kube-emulator/bin/kube-emulator');

/** `crdFamilies`: the tools whose CRDs each cluster gets (`--crds=a,b`); default every one (`--crds`). */
export async function startEmulatorProcess(
  names: string[],
  crdFamilies?: string[],
): Promise<EmulatorProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-reconciler-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      CLI,
      ...names.flatMap(name => ['--cluster', name]),
      crdFamilies ? `--crds=${crdFamilies.join(',')}` : '--crds',
      '--token-file',
      dir,
      '--control-port',
      '0',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const urls = new Map<string, string>();
  let control = '';
  const lines = createInterface({ input: child.stdout! });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', code =>
      reject(new Error(`kube-emulator exited ${code}`)),
    );
    lines.on('line', line => {
      const [what, name, url] = line.split(' ');
      if (what === 'cluster') urls.set(name, url);
      if (what === 'control') {
        control = name;
        resolve();
      }
    });
  });
  const clusters = names.map(name => ({
    name,
    url: urls.get(name)!,
    token: readFileSync(join(dir, `${name}.token`), 'utf8').trim(),
    async apply(objects: unknown) {
      const res = await fetch(`${control}/clusters/${name}/objects`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(objects),
      });
      if (!res.ok) throw new Error(`apply to ${name}: ${res.status}`);
      await res.arrayBuffer();
    },
  }));
  return {
    clusters,
    async close() {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
