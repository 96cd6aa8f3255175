import { catalogUrlProblem } from './catalogUrlPolicy';

/** DNS answers by hostname, so no test depends on the network. */
const dns: Record<string, string[]> = {
  'k8s.example.com': ['93.184.216.34'],
  'internal.example.com': ['10.0.0.5'],
  'mixed.example.com': ['93.184.216.34', '192.168.1.1'],
};
const resolve = async (hostname: string) => {
  const addresses = dns[hostname];
  if (!addresses) throw new Error(`ENOTFOUND ${hostname}`);
  return addresses;
};

describe('catalogUrlProblem', () => {
  it.each([
    ['https to a public host', 'https://k8s.example.com:6443', []],
    ['https to a public address', 'https://93.184.216.34', []],
    ['http to an allowed host', 'http://127.0.0.1:6443', ['127.0.0.1']],
    [
      'https to a private host under an allowed wildcard',
      'https://internal.example.com',
      ['*.example.com'],
    ],
    [
      'the bare domain of an allowed wildcard',
      'http://example.com',
      ['*.example.com'],
    ],
  ])('accepts %s', async (_name, url, allowed) => {
    await expect(
      catalogUrlProblem(url, allowed, resolve),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['plain http', 'http://k8s.example.com', 'is not https'],
    ['a loopback address', 'https://127.0.0.53:6443', 'non-public address'],
    [
      'a cloud metadata address',
      'https://169.254.169.254',
      'non-public address',
    ],
    ['an IPv6 loopback', 'https://[::1]:6443', 'non-public address'],
    [
      'a host resolving to a private address',
      'https://internal.example.com',
      "host 'internal.example.com' resolves to a non-public address",
    ],
    [
      'a host with one private address among public ones',
      'https://mixed.example.com',
      'resolves to a non-public address',
    ],
    [
      'a host that does not resolve',
      'https://nowhere.example.com',
      'does not resolve',
    ],
    [
      'credentials in the URL',
      'https://user:pw@k8s.example.com',
      'contains credentials',
    ],
    ['another scheme', 'ftp://k8s.example.com', 'neither https nor http'],
    ['no URL at all', 'k8s.example.com', 'not a valid URL'],
    [
      'an allowed host only by suffix',
      'https://127.0.0.1.evil.example',
      'does not resolve',
    ],
  ])('refuses %s', async (_name, url, problem) => {
    await expect(
      catalogUrlProblem(url, ['127.0.0.1'], resolve),
    ).resolves.toContain(problem);
  });
});
