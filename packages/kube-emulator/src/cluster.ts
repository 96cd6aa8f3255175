import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { createApiHandler } from './http/apiServer';
import { FaultSet } from './http/faults';
import { kubeconfigYaml } from './kubeconfig';
import { deepClone } from './store/objects';
import { deleteObject } from './store/deletion';
import { ensureDefaultNamespaces } from './store/mutations';
import { StatePersister } from './store/persistence';
import { applyObjects, resolveKind } from './store/seed';
import { ResourceType } from './store/resourceType';
import { ClusterStore } from './store/store';
import { EmulatedCluster, Fault, KubeObject } from './types';

export interface ClusterConfig {
  name: string;
  host: string;
  port: number;
  token?: string;
  kubeconfigDir?: string;
  stateDir?: string;
  historySize: number;
  bookmarkIntervalMs: number;
  continueTokenTtlMs: number;
}

export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

/** One emulated cluster: its store, faults, token and HTTP listener (which can go down and come back). */
export class Cluster implements EmulatedCluster {
  readonly name: string;
  readonly kubeconfigPath?: string;
  readonly store: ClusterStore;
  private readonly faults = new FaultSet();
  private readonly sockets = new Set<Socket>();
  private readonly persister?: StatePersister;
  private server: Server | undefined;
  private starting: Promise<void> | undefined;
  private port: number;
  private currentToken: string;

  constructor(private readonly config: ClusterConfig) {
    this.name = config.name;
    this.port = config.port;
    this.currentToken = config.token || randomToken();
    this.store = new ClusterStore(config.historySize);
    if (config.kubeconfigDir)
      this.kubeconfigPath = join(
        config.kubeconfigDir,
        `${config.name}.kubeconfig.yaml`,
      );
    if (config.stateDir)
      this.persister = new StatePersister(
        join(config.stateDir, `${config.name}.json`),
        this.store,
      );
  }

  /** Loads saved state, creates the default namespaces, starts listening and writes the kubeconfig. */
  async init() {
    if (this.config.kubeconfigDir)
      mkdirSync(this.config.kubeconfigDir, { recursive: true });
    if (this.config.stateDir)
      mkdirSync(this.config.stateDir, { recursive: true });
    this.persister?.load();
    ensureDefaultNamespaces(this.store);
    await this.start();
  }

  get url(): string {
    const host = ['0.0.0.0', '::', ''].includes(this.config.host)
      ? '127.0.0.1'
      : this.config.host;
    return `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
  }

  get token(): string {
    return this.currentToken;
  }

  get up(): boolean {
    return this.server !== undefined;
  }

  kubeconfig(): string {
    return kubeconfigYaml(this.name, this.url, this.currentToken);
  }

  apply(obj: KubeObject | KubeObject[]): KubeObject[] {
    return applyObjects(this.store, Array.isArray(obj) ? obj : [obj]).map(
      deepClone,
    );
  }

  private kindOf(apiVersion: string, kind: string): ResourceType | undefined {
    try {
      return resolveKind(this.store, apiVersion, kind);
    } catch {
      return undefined; // an uninstalled CRD kind simply has no objects
    }
  }

  get(
    apiVersion: string,
    kind: string,
    name: string,
    namespace?: string,
  ): KubeObject | undefined {
    const rt = this.kindOf(apiVersion, kind);
    const obj =
      rt &&
      this.store.get(
        rt,
        rt.namespaced ? namespace || 'default' : undefined,
        name,
      );
    return obj ? deepClone(obj) : undefined;
  }

  list(apiVersion: string, kind: string, namespace?: string): KubeObject[] {
    const rt = this.kindOf(apiVersion, kind);
    return rt ? this.store.list(rt, namespace).map(deepClone) : [];
  }

  remove(
    apiVersion: string,
    kind: string,
    name: string,
    namespace?: string,
  ): boolean {
    const rt = this.kindOf(apiVersion, kind);
    const ns = rt?.namespaced ? namespace || 'default' : undefined;
    if (!rt || !this.store.get(rt, ns, name)) return false;
    deleteObject(this.store, rt, ns, name, { force: true });
    return true;
  }

  setToken(token: string) {
    if (!token) throw new Error('token must not be empty');
    this.currentToken = token;
    this.writeKubeconfig();
  }

  addFault(fault: Fault): string {
    return this.faults.add(fault);
  }

  clearFaults(id?: string) {
    this.faults.clear(id);
  }

  compact() {
    this.store.compact();
  }

  async start() {
    if (this.server) return;
    // Concurrent start() calls (e.g. two control API requests) share one listen.
    this.starting ??= this.listen().finally(() => {
      this.starting = undefined;
    });
    await this.starting;
  }

  private async listen() {
    const server = createServer(
      { keepAliveTimeout: 5000 },
      createApiHandler({
        store: this.store,
        faults: this.faults,
        token: () => this.currentToken,
        serverAddress: () => this.url.replace(/^http:\/\//, ''),
        bookmarkIntervalMs: this.config.bookmarkIntervalMs,
        continueTokenTtlMs: this.config.continueTokenTtlMs,
      }),
    );
    server.on('connection', socket => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    if (address && typeof address === 'object') this.port = address.port;
    this.server = server;
    this.writeKubeconfig();
  }

  /** "Cluster down": stop listening and cut every open connection, watches included. */
  async stop() {
    await this.starting?.catch(() => undefined);
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>(resolve => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }

  /** Stops and writes the state file. */
  async close() {
    await this.stop();
    await this.persister?.close();
  }

  private writeKubeconfig() {
    if (this.kubeconfigPath && this.server)
      writeFileSync(this.kubeconfigPath, this.kubeconfig(), { mode: 0o600 });
  }
}
