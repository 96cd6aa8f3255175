import { engineLinkTemplate, fillLinkTemplate } from './linkTemplates';

describe('fillLinkTemplate', () => {
  it.each([
    [
      'an Argo CD application',
      'https://argocd.example.com/applications/{namespace}/{name}',
      { namespace: 'argocd', name: 'shop-prod' },
      'https://argocd.example.com/applications/argocd/shop-prod',
    ],
    [
      'a pull request number',
      'https://github.example.com/{owner}/{repo}/pull/{number}',
      { owner: 'acme', repo: 'gitops-config', number: 7 },
      'https://github.example.com/acme/gitops-config/pull/7',
    ],
    [
      'a value needing encoding',
      'https://flux.example.com/k?name={name}',
      { name: 'a b&c' },
      'https://flux.example.com/k?name=a%20b%26c',
    ],
    [
      'a template naming a value not given (no link)',
      'https://argocd.example.com/applications/{namespace}/{name}',
      { name: 'shop' },
      undefined,
    ],
    ['no template', undefined, { name: 'shop' }, undefined],
  ])('fills %s', (_, template, values, expected) => {
    expect(fillLinkTemplate(template, values)).toBe(expected);
  });
});

describe('engineLinkTemplate', () => {
  const links = { argocd: 'https://argo/{name}', flux: 'https://flux/{name}' };
  it.each([
    ['Application', links.argocd],
    ['Kustomization', links.flux],
    ['HelmRelease', links.flux],
  ])('picks the engine UI for a %s', (kind, expected) => {
    expect(engineLinkTemplate(links, kind)).toBe(expected);
  });
});
