import { applicationSetFiles } from './applicationSetLocations';

const REPO = 'https://github.com/acme/gitops-config';

/** An ApplicationSet with one generator list and a template of `name`, `labels` and `source`. */
function set(options: {
  generators: unknown[];
  name: string;
  source: Record<string, unknown>;
  labels?: Record<string, string>;
  goTemplate?: boolean;
}) {
  return {
    spec: {
      goTemplate: options.goTemplate,
      generators: options.generators,
      template: {
        metadata: { name: options.name, labels: options.labels },
        spec: { project: 'default', source: options.source },
      },
    },
  };
}

const files = (paths: unknown[], extra: Record<string, unknown> = {}) => ({
  git: { repoURL: REPO, revision: 'main', files: paths, ...extra },
});

/** The Application rendered for shop in staging. */
function app(source: Record<string, unknown>, labels?: Record<string, string>) {
  return { metadata: { name: 'shop-staging', labels }, spec: { source } };
}

const chart = (value: string) => ({
  repoURL: REPO,
  path: 'charts/service',
  helm: { parameters: [{ name: 'image.tag', value }] },
});

describe('applicationSetFiles: the config file of a files generator', () => {
  it.each([
    {
      what: 'fasttemplate path segments in the name',
      set: set({
        generators: [files([{ path: 'apps/*/envs/*/config.json' }])],
        name: '{{path[1]}}-{{path[3]}}',
        source: chart('{{image.tag}}'),
      }),
      app: app(chart('1.4.0')),
      file: 'apps/shop/envs/staging/config.json',
      keys: ['image.tag'],
      origin:
        'ApplicationSet argocd/shop files generator apps/*/envs/*/config.json: image.tag (spec.source.helm.parameters[0].value)',
    },
    {
      what: 'Go template segments and keys',
      set: set({
        goTemplate: true,
        generators: [files([{ path: 'apps/*/envs/*/config.json' }])],
        name: '{{ index .path.segments 1 }}-{{ index .path.segments 3 }}',
        source: chart('{{.image.tag}}'),
      }),
      app: app(chart('1.4.0')),
      file: 'apps/shop/envs/staging/config.json',
    },
    {
      what: 'path.basename in a label, the file name fixed',
      set: set({
        generators: [files([{ path: 'apps/shop/envs/*/config.yaml' }])],
        name: 'shop-{{path.basename}}',
        labels: { env: '{{path.basename}}' },
        source: { repoURL: REPO, targetRevision: '{{chart.version}}' },
      }),
      app: app({ repoURL: REPO, targetRevision: '2.1.0' }, { env: 'staging' }),
      file: 'apps/shop/envs/staging/config.yaml',
      keys: ['chart.version'],
    },
    {
      what: 'a pathParamPrefix, inside a matrix with a cluster generator',
      set: set({
        generators: [
          {
            matrix: {
              generators: [
                files([{ path: 'svc/*/*.yaml' }], { pathParamPrefix: 'cfg' }),
                { clusters: {} },
              ],
            },
          },
        ],
        name: '{{cfg.path.basename}}-{{cfg.path.filename}}-{{name}}',
        source: chart('{{image.tag}}'),
      }),
      app: {
        metadata: { name: 'shop-staging.yaml-in-cluster' },
        spec: { source: chart('1.4.0') },
      },
      file: 'svc/shop/staging.yaml',
    },
    {
      what: 'the whole path in spec.source.path, Kustomize images',
      set: set({
        goTemplate: true,
        generators: [files([{ path: 'envs/**/config.json' }])],
        name: 'shop-{{.path.basename}}',
        source: {
          repoURL: REPO,
          path: '{{.path.path}}/manifests',
          kustomize: { images: ['ghcr.io/acme/shop:{{.image.tag}}'] },
        },
      }),
      app: app({
        repoURL: REPO,
        path: 'envs/eu/staging/manifests',
        kustomize: { images: ['ghcr.io/acme/shop:1.4.0'] },
      }),
      file: 'envs/eu/staging/config.json',
    },
  ])(
    'finds it from $what',
    ({ set: appSet, app: rendered, file, keys, origin }) => {
      const found = applicationSetFiles(rendered, appSet, 'argocd/shop');

      expect(found.refusal).toBeUndefined();
      expect(found.locations?.map(l => l.path)).toEqual([file]);
      expect(found.locations?.[0]).toMatchObject({
        repoUrl: REPO,
        revision: 'main',
        ...(origin ? { origin } : {}),
        keys: keys ?? ['image.tag'],
      });
    },
  );

  it.each([
    {
      what: 'a version field it does not understand',
      set: set({
        goTemplate: true,
        generators: [files([{ path: 'apps/*/envs/*/config.json' }])],
        name: '{{ index .path.segments 1 }}-{{ index .path.segments 3 }}',
        source: chart('{{ .image.tag | default "latest" }}'),
      }),
      refusal:
        'its template\'s version fields read spec.source.helm.parameters[0].value {{.image.tag | default "latest"}}, which the portal does not understand',
    },
    {
      what: 'a glob segment nothing rendered names (two files could match)',
      set: set({
        generators: [files([{ path: 'apps/*/envs/*/config.json' }])],
        name: 'shop-{{path.basename}}',
        source: chart('{{image.tag}}'),
      }),
      refusal:
        "its files generator (apps/*/envs/*/config.json) gives no one file from the Application's name, labels and paths",
    },
    {
      what: 'the only file excluded',
      set: set({
        generators: [
          files([
            { path: 'apps/shop/envs/*/config.json' },
            { path: 'apps/shop/envs/staging/*', exclude: true },
          ]),
        ],
        name: 'shop-{{path.basename}}',
        source: chart('{{image.tag}}'),
      }),
      refusal:
        "its files generator (apps/shop/envs/*/config.json) gives no one file from the Application's name, labels and paths",
    },
    {
      what: 'two globs giving two files',
      set: set({
        generators: [
          files([
            { path: 'apps/shop/envs/*/config.json' },
            { path: 'apps/shop/envs/*/config.yaml' },
          ]),
        ],
        name: 'shop-{{path.basename}}',
        source: chart('{{image.tag}}'),
      }),
      refusal:
        'its files generator (apps/shop/envs/*/config.json, apps/shop/envs/*/config.yaml) gives two files, apps/shop/envs/staging/config.json and apps/shop/envs/staging/config.yaml',
    },
  ])('refuses $what, saying what it looked at', ({ set: appSet, refusal }) => {
    const found = applicationSetFiles(
      app(chart('1.4.0')),
      appSet,
      'argocd/shop',
    );

    expect(found).toEqual({ refusal });
  });

  it("leaves the Application's own sources when the version fields read no key of the config file", () => {
    const appSet = set({
      generators: [files([{ path: 'apps/*/envs/*/config.json' }])],
      name: '{{path[1]}}-{{path[3]}}',
      source: { repoURL: REPO, path: '{{path}}', targetRevision: 'main' },
    });

    expect(
      applicationSetFiles(
        app({ repoURL: REPO, path: 'apps/shop/envs/staging' }),
        appSet,
        'argocd/shop',
      ),
    ).toEqual({});
  });
});

describe('applicationSetFiles: a directories generator', () => {
  const directories = set({
    generators: [
      {
        git: {
          repoURL: REPO,
          revision: 'main',
          directories: [
            { path: 'apps/*/overlays/*' },
            { path: 'apps/legacy/overlays/*', exclude: true },
          ],
        },
      },
    ],
    name: '{{path[1]}}-{{path.basename}}',
    source: { repoURL: REPO, path: '{{path}}' },
  });

  it.each([
    { path: 'apps/shop/overlays/staging', expected: {} },
    {
      path: 'apps/legacy/overlays/staging',
      expected: {
        refusal:
          'its directories generator (apps/*/overlays/*, exclude apps/legacy/overlays/*) lists no apps/legacy/overlays/staging',
      },
    },
    {
      path: 'other/shop/staging',
      expected: {
        refusal:
          'its directories generator (apps/*/overlays/*, exclude apps/legacy/overlays/*) lists no other/shop/staging',
      },
    },
  ])(
    'takes the rendered spec.source.path $path only when the generator lists it',
    ({ path, expected }) => {
      expect(
        applicationSetFiles(
          app({ repoURL: REPO, path }),
          directories,
          'argocd/shop',
        ),
      ).toEqual(expected);
    },
  );
});
