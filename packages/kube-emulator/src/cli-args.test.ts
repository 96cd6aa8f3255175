import { CliUsageError, parseCliArgs } from './cliArgs';

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
      crds: true,
    });
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
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('allows --help without clusters', () => {
    expect(parseCliArgs(['--help']).help).toBe(true);
  });
});
