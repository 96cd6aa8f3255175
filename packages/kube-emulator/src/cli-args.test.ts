import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliUsageError, parseCliArgs } from './cliArgs';
import { CRD_FAMILY_NAMES } from './crdFamilies';

/** The names `--crds=` takes, pinned: scripts and the README use them. */
const FAMILIES = [
  'argocd',
  'argo-rollouts',
  'flagger',
  'flux',
  'flux-operator',
  'crossplane',
  'cert-manager',
  'external-secrets',
  'sealed-secrets',
  'cluster-api',
];

describe('parseCliArgs', () => {
  it('parses clusters with and without ports', () => {
    expect(
      parseCliArgs(['--cluster', 'dev=6443', '--cluster', 'staging']).clusters,
    ).toEqual([
      { name: 'dev', port: 6443 },
      { name: 'staging', port: 0 },
    ]);
  });

  it('parses every directory and port option', () => {
    const options = parseCliArgs([
      '--cluster',
      'dev',
      '--token-file',
      '/t',
      '--kubeconfig-dir',
      '/k',
      '--state-dir',
      '/s',
      '--control-port',
      '6400',
      '--host',
      '0.0.0.0',
      '--crds',
    ]);
    expect(options).toMatchObject({
      tokenDir: '/t',
      kubeconfigDir: '/k',
      stateDir: '/s',
      controlPort: 6400,
      host: '0.0.0.0',
    });
  });

  it.each<[argv: string[], families: string[] | undefined]>([
    [[], undefined],
    [['--crds'], FAMILIES],
    [['--crds=argocd,crossplane'], ['argocd', 'crossplane']],
    [['--crds=crossplane,argocd,crossplane'], ['crossplane', 'argocd']],
    ...FAMILIES.map((family): [string[], string[]] => [
      [`--crds=${family}`],
      [family],
    ]),
  ])('reads CRD families from %j', (crdArgs, families) => {
    expect(parseCliArgs(['--cluster', 'dev', ...crdArgs]).crds).toEqual(
      families,
    );
  });

  it('knows exactly the pinned CRD families', () => {
    expect(CRD_FAMILY_NAMES).toEqual(FAMILIES);
  });

  it.each(FAMILIES)('lists the CRD family %s in the README', family => {
    const readme = readFileSync(join(__dirname, '../README.md'), 'utf8');
    expect(readme).toContain(`\`${family}\``);
  });

  it('accepts --flag=value', () => {
    expect(
      parseCliArgs(['--cluster=dev=7000', '--control-port=0']),
    ).toMatchObject({
      clusters: [{ name: 'dev', port: 7000 }],
      controlPort: 0,
    });
  });

  it('targets a seed at a cluster only when the prefix names one', () => {
    const options = parseCliArgs([
      '--cluster',
      'dev',
      '--seed',
      'dev=a.yaml',
      '--seed',
      'b.yaml',
      '--seed',
      'x=c.yaml',
    ]);
    expect(options.seeds).toEqual([
      { cluster: 'dev', file: 'a.yaml' },
      { file: 'b.yaml' },
      { file: 'x=c.yaml' },
    ]);
  });

  it.each([
    [[], /at least one --cluster/],
    [['--cluster'], /needs a value/],
    [['--cluster', 'dev=abc'], /invalid port/],
    [['--cluster', 'dev', '--cluster', 'dev'], /duplicate/],
    [['--cluster', 'dev', '--control-port', '70000'], /invalid port/],
    [['--cluster', 'dev', '--bogus'], /unknown argument/],
    [['--cluster', 'dev', '--crds=argocd,istio'], /unknown family "istio"/],
    [['--cluster', 'dev', '--crds='], /unknown family ""/],
    [['--cluster', 'dev', '--crds', 'argocd'], /unknown argument "argocd"/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('allows --help without clusters', () => {
    expect(parseCliArgs(['--help']).help).toBe(true);
  });
});
