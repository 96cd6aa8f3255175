import { InputError } from '@backstage/errors';
import { editYaml } from '../changes/editYaml';
import { pinImage } from './pinImage';

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
