import { InputError } from '@backstage/errors';
import { parseDocument } from 'yaml';
import { editYaml } from '../changes/editYaml';
import { promoteHelmValues } from './promoteHelmValues';

const DEV = `env: dev
image:
  repository: ghcr.io/acme/web # {"$imagepolicy": "flux-system:web:name"}
  tag: 1.4.0 # {"$imagepolicy": "flux-system:web:tag"}
replicaCount: 1
`;
const STAGING = `# staging values — change through the portal only
env: staging
team: payments
image:
  repository: ghcr.io/acme/web
  tag: 1.3.2 # promoted by the portal
replicaCount: 2
`;
const DIGEST = `sha256:${'b'.repeat(64)}`;

function apply(fromText: string, toText: string) {
  const edit = promoteHelmValues({
    service: 'web',
    from: 'dev',
    to: 'staging',
  });
  const documents = { [edit.reads![0]]: parseDocument(fromText) };
  return editYaml(toText, doc => edit.edit(doc, { documents }));
}

describe('promoteHelmValues', () => {
  it('targets overlays/<to>/values.yaml and reads overlays/<from>/values.yaml', () => {
    const edit = promoteHelmValues({
      service: 'web',
      from: 'dev',
      to: 'staging',
    });
    expect(edit.path).toBe('apps/web/overlays/staging/values.yaml');
    expect(edit.reads).toEqual(['apps/web/overlays/dev/values.yaml']);
  });

  it.each([
    [
      'a tag into a tag, keeping comments',
      DEV,
      STAGING,
      STAGING.replace('tag: 1.3.2', 'tag: 1.4.0'),
    ],
    [
      'a tag into a file with setter markers, keeping them',
      STAGING,
      DEV,
      DEV.replace('tag: 1.4.0', 'tag: 1.3.2'),
    ],
    [
      'a digest, dropping the tag',
      DEV.replace(/tag: .*/, `digest: ${DIGEST}`),
      STAGING,
      STAGING.replace(
        'tag: 1.3.2 # promoted by the portal',
        `digest: ${DIGEST}`,
      ),
    ],
    [
      'a tag, dropping the digest',
      DEV,
      STAGING.replace('tag: 1.3.2', `digest: ${DIGEST}`),
      STAGING.replace('tag: 1.3.2 # promoted by the portal', 'tag: 1.4.0'),
    ],
    [
      'a tag into values without an image',
      DEV,
      'env: staging\n',
      'env: staging\nimage:\n  tag: 1.4.0\n',
    ],
  ])('copies %s', (_case, from, to, expected) => {
    expect(apply(from, to)).toBe(expected);
  });

  it.each([
    ['no image', 'env: dev\n'],
    [
      'an image without tag or digest',
      'image:\n  repository: ghcr.io/acme/web\n',
    ],
    ['an image that is not a map', 'image: ghcr.io/acme/web:1.4.0\n'],
  ])('refuses a source with %s', (_case, from) => {
    expect(() => apply(from, STAGING)).toThrow(InputError);
  });

  it.each([
    [{ service: 'Web', from: 'dev', to: 'staging' }],
    [{ service: 'web', from: 'dev', to: 'dev' }],
    [{ service: 'web', from: '../x', to: 'staging' }],
  ])('refuses %j', options => {
    expect(() => promoteHelmValues(options)).toThrow(InputError);
  });
});
