import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appJwt, appKeyPair } from './__testUtils__/appJwt';
import { parseArgs } from './cliArgs';

describe('parseArgs', () => {
  it('applies defaults', () => {
    expect(parseArgs(['--data-dir', 'd'])).toEqual({
      dataDir: 'd',
      port: 7100,
      host: '127.0.0.1',
      tokens: [],
      repos: [],
      apps: [],
    });
  });

  it('parses --app ID:PEM_FILE[:OWNER,...]', () => {
    const options = parseArgs([
      '--data-dir',
      'd',
      '--app',
      '42:/keys/app.pem:acme,partner',
      '--app',
      '7:key.pem',
    ]);
    expect(options.apps).toEqual([
      {
        appId: 42,
        keyFile: '/keys/app.pem',
        installations: ['acme', 'partner'],
      },
      { appId: 7, keyFile: 'key.pem', installations: [] },
    ]);
  });

  it('collects repeatable flags and tokens from GITHUB_EMULATOR_TOKENS', () => {
    const options = parseArgs(
      [
        '--data-dir',
        'd',
        '--token',
        'a',
        '--token',
        'b',
        '--repo',
        'acme/x',
        '--repo',
        'acme/y',
        '--port',
        '0',
        '--host',
        '0.0.0.0',
        '--login',
        'bot',
      ],
      { GITHUB_EMULATOR_TOKENS: 'c,d' },
    );
    expect(options).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      login: 'bot',
      tokens: ['a', 'b', 'c', 'd'],
      repos: ['acme/x', 'acme/y'],
    });
  });

  it.each([
    ['a missing --data-dir', [], /--data-dir is required/],
    ['an unknown flag', ['--data-dir', 'd', '--nope'], /unknown option --nope/],
    ['a flag without value', ['--data-dir'], /needs a value/],
    ['a bad port', ['--data-dir', 'd', '--port', 'x'], /--port/],
    [
      'a repo without owner',
      ['--data-dir', 'd', '--repo', 'name'],
      /OWNER\/NAME/,
    ],
    [
      'an app without a key file',
      ['--data-dir', 'd', '--app', '42'],
      /ID:PEM_FILE/,
    ],
  ])('rejects %s', (_case, argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(message);
  });
});

describe('bin/github-emulator', () => {
  let dataDir: string;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'github-emulator-cli-'));
  });

  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Starts the CLI and resolves with its output once it prints the URL. */
  function start(
    args: string[],
  ): Promise<{ url: string; output: () => string }> {
    const bin = resolve(__dirname, '../bin/github-emulator');
    child = spawn(process.execPath, [
      bin,
      '--data-dir',
      dataDir,
      '--port',
      '0',
      ...args,
    ]);
    let output = '';
    return new Promise((done, fail) => {
      child!.stdout!.on('data', chunk => {
        output += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match) done({ url: match[1], output: () => output });
      });
      child!.stderr!.on('data', chunk => {
        output += chunk;
      });
      child!.on('exit', code =>
        fail(new Error(`exited with ${code}: ${output}`)),
      );
    });
  }

  it('creates the listed repos and serves them without ever printing the token', async () => {
    const { url, output } = await start([
      '--token',
      's3cret-token',
      '--repo',
      'acme/config',
    ]);
    const response = await fetch(`${url}/repos/acme/config`, {
      headers: { authorization: 'token s3cret-token' },
    });
    expect(response.status).toBe(200);
    expect(output()).toContain(`created ${url}/acme/config.git`);
    expect(output()).not.toContain('s3cret-token');
  });

  it('registers an --app whose JWTs then authenticate', async () => {
    const key = appKeyPair();
    const keyFile = join(dataDir, 'app.pem');
    await writeFile(keyFile, key.privateKey);
    const { url } = await start(['--app', `42:${keyFile}:acme`]);
    const response = await fetch(`${url}/app/installations`, {
      headers: {
        authorization: `Bearer ${appJwt(key.privateKey, { iss: 42 })}`,
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject([
      { account: { login: 'acme' } },
    ]);
  });

  it('closes cleanly and exits 0 on SIGTERM', async () => {
    await start([]);
    const exited = new Promise(done => child!.on('exit', code => done(code)));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
