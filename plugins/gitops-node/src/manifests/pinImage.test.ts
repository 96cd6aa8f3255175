import { InputError } from '@backstage/errors';
import { editYaml } from '../changes/editYaml';
import { pinHelmImage, pinImage } from './pinImage';

const PROD = `# prod overlay
kind: Kustomization
images:
  - name: ghcr.io/acme/web # the app
    newTag: 1.3.1
`;

const apply = (edit: ReturnType<typeof pinImage>, text: string) =>
  editYaml(text, doc => edit.edit(doc, { documents: {} }));

describe('pinImage', () => {
  it('pins a tag (a rollback) and keeps comments', () => {
    const edit = pinImage({
      service: 'web',
      environment: 'prod',
      image: 'ghcr.io/acme/web',
      imageTag: '1.2.9',
    });
    expect(edit.path).toBe('apps/web/overlays/prod/kustomization.yaml');
    expect(apply(edit, PROD)).toBe(PROD.replace('1.3.1', '1.2.9'));
  });

  it('pins a digest and drops the tag', () => {
    const digest = `sha256:${'e'.repeat(64)}`;
    const text = apply(
      pinImage({
        service: 'web',
        environment: 'prod',
        image: 'ghcr.io/acme/web',
        imageDigest: digest,
      }),
      PROD,
    );
    expect(text).toContain(`digest: ${digest}`);
    expect(text).not.toContain('newTag');
  });

  it.each([
    [{ imageTag: 'latest' }],
    [{ imageTag: '1.0', imageDigest: `sha256:${'e'.repeat(64)}` }],
    [{}],
  ])('refuses %j', ref => {
    expect(() =>
      pinImage({
        service: 'web',
        environment: 'prod',
        image: 'ghcr.io/acme/web',
        ...ref,
      }),
    ).toThrow(InputError);
  });
});

const VALUES = `# staging values
replicas: 2
image:
  repository: ghcr.io/acme/shop
  tag: 1.3.0 # {"$imagepolicy": "flux-system:shop:tag"}
`;

describe('pinHelmImage', () => {
  const helm = (pin: { imageTag?: string; imageDigest?: string }) =>
    pinHelmImage({ service: 'shop', environment: 'staging', ...pin });

  it('pins a tag in values.yaml, keeping comments and the setter marker', () => {
    const edit = helm({ imageTag: '1.2.0' });
    expect(edit.path).toBe('apps/shop/overlays/staging/values.yaml');
    expect(apply(edit, VALUES)).toBe(VALUES.replace('1.3.0', '1.2.0'));
  });

  it('pins a digest and drops the tag', () => {
    const digest = `sha256:${'d'.repeat(64)}`;
    const text = apply(helm({ imageDigest: digest }), VALUES);
    expect(text).toContain(`digest: ${digest}`);
    expect(text).not.toContain('tag:');
  });

  it('adds image when the values name none', () => {
    expect(apply(helm({ imageTag: '1.2.0' }), 'replicas: 2\n')).toBe(
      'replicas: 2\nimage:\n  tag: 1.2.0\n',
    );
  });

  it.each([
    ['a mutable tag', { imageTag: 'latest' }],
    ['no tag or digest', {}],
  ])('refuses %s', (_case, pin) => {
    expect(() => helm(pin)).toThrow(InputError);
  });
});
