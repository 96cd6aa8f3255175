import ipaddr from 'ipaddr.js';
import { lookup } from 'node:dns/promises';

/** Anything but a public unicast address (loopback, private, link-local and cloud metadata, multicast...). */
function isNonPublic(address: string): boolean {
  try {
    return ipaddr.process(address).range() !== 'unicast';
  } catch {
    return true;
  }
}

function hostAllowed(hostname: string, allowedHosts: string[]): boolean {
  return allowedHosts.some(pattern => {
    const p = pattern.toLowerCase();
    if (!p.startsWith('*.')) return hostname === p;
    return hostname === p.slice(2) || hostname.endsWith(p.slice(1));
  });
}

/**
 * Why a catalog entity's API server URL may not receive the portal's token, if it may not: the catalog locator's
 * policy of the Kubernetes plugin (https only, to a public address, unless the host is listed in
 * `dangerouslyAllowClusterUrls`; never credentials in the URL). App-config URLs are not checked.
 */
export async function catalogUrlProblem(
  url: string,
  allowedHosts: string[],
  resolve: (hostname: string) => Promise<string[]> = async hostname =>
    (await lookup(hostname, { all: true })).map(entry => entry.address),
): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'its kubernetes.io/api-server is not a valid URL';
  }
  if (parsed.username || parsed.password) {
    return 'its kubernetes.io/api-server URL contains credentials';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return 'its kubernetes.io/api-server URL is neither https nor http';
  }
  // URL keeps IPv6 literals in brackets.
  const hostname = parsed.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (hostAllowed(hostname, allowedHosts)) return undefined;
  const unlisted = `(list the host in the catalog locator's dangerouslyAllowClusterUrls to allow it)`;
  if (parsed.protocol !== 'https:') {
    return `its kubernetes.io/api-server URL is not https ${unlisted}`;
  }
  if (ipaddr.isValid(hostname)) {
    return isNonPublic(hostname)
      ? `its kubernetes.io/api-server is a non-public address ${unlisted}`
      : undefined;
  }
  let addresses: string[];
  try {
    addresses = await resolve(hostname);
  } catch (error) {
    return `its kubernetes.io/api-server host '${hostname}' does not resolve (${error})`;
  }
  return addresses.some(isNonPublic)
    ? `its kubernetes.io/api-server host '${hostname}' resolves to a non-public address ${unlisted}`
    : undefined;
}
