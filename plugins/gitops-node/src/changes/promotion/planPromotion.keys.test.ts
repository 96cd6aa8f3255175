import { EnvironmentFiles } from './planPromotion';
import { promote } from './__testUtils__/promoteFiles';

/*
 * A config file whose version keys a live object names (an ApplicationSet files generator's config file, read by
 * the template's version fields): only those keys are promoted, whatever their shape, in the file's own format.
 */

const sideWith = (
  environment: string,
  path: string,
  text: string,
  keys: string[],
): EnvironmentFiles => ({
  environment,
  files: { [path]: text },
  keys: { [path]: keys },
});

describe('planPromotion at the keys a live object names', () => {
  it.each([
    {
      what: 'a YAML key no form finds by shape, comments kept',
      keys: ['chart.version'],
      from: 'chart:\n  version: 0.5.0\nreplicas: 1\n',
      to: '# prod\nchart:\n  version: 0.4.0 # pinned\nreplicas: 3\n',
      expected: '# prod\nchart:\n  version: 0.5.0 # pinned\nreplicas: 3\n',
      extension: 'yaml',
    },
    {
      what: 'an image tag, not the other image-shaped values of the file',
      keys: ['image.tag'],
      from: 'image:\n  tag: 1.4.0\nsidecar:\n  image:\n    tag: 9.0.0\n',
      to: 'image:\n  tag: 1.3.0\nsidecar:\n  image:\n    tag: 8.0.0\n',
      expected: 'image:\n  tag: 1.4.0\nsidecar:\n  image:\n    tag: 8.0.0\n',
      extension: 'yaml',
    },
    {
      what: 'a JSON file, written back as JSON with its indentation',
      keys: ['image.tag'],
      from: '{\n    "image": { "tag": "1.4.0" },\n    "replicas": 1\n}\n',
      to: '{\n    "image": {\n        "tag": "1.3.0"\n    },\n    "replicas": 3\n}\n',
      expected:
        '{\n    "image": {\n        "tag": "1.4.0"\n    },\n    "replicas": 3\n}\n',
      extension: 'json',
    },
  ])('promotes $what', ({ keys, from, to, expected, extension }) => {
    const path = (env: string) => `apps/web/envs/${env}/config.${extension}`;

    const result = promote(
      sideWith('staging', path('staging'), from, keys),
      sideWith('prod', path('prod'), to, keys),
    );

    expect(result).toEqual({ [path('prod')]: expected });
  });
});
