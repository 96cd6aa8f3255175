import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readClusterLinks } from './readClusterLinks';

const read = (links: unknown) =>
  readClusterLinks(
    new ConfigReader({
      gitops: {
        clusters: [
          { name: 'prod', url: 'https://k8s', links: links as JsonObject },
        ],
      },
    }),
  );

describe('readClusterLinks (gitops.clusters[].links)', () => {
  it('reads the templates by cluster name', () => {
    const links = {
      argocd: 'https://argocd.example.com/applications/{namespace}/{name}',
      commit: 'https://github.example.com/{owner}/{repo}/commit/{sha}',
    };
    expect(read(links).get('prod')).toEqual(links);
  });

  it.each([
    [
      'a template that is no http(s) URL',
      { argocd: 'ftp://argocd.example.com/{name}' },
      "gitops.clusters[0] ('prod').links.argocd: must be an http(s) URL template",
    ],
    [
      'an unknown placeholder',
      { flux: 'https://flux.example.com/{app}' },
      "gitops.clusters[0] ('prod').links.flux: placeholders must be among",
    ],
    [
      'an unknown key',
      { grafana: 'https://grafana.example.com' },
      "gitops.clusters[0] ('prod').links: Unrecognized key",
    ],
  ])('refuses %s, naming the key', (_, links, message) => {
    expect(() => read(links)).toThrow(message);
  });
});
