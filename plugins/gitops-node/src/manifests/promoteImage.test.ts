import { InputError } from '@backstage/errors';
import { parseDocument } from 'yaml';
import { editYaml } from '../changes/editYaml';
import { promoteImage } from './promoteImage';

const STAGING = `# staging: promoted by the portal
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
images:
  - name: ghcr.io/acme/web
    newTag: 1.3.2 # from CI
`;
const PROD = `# prod overlay — change through the portal only
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: web

resources:
  - ../../base # the shared base
images:
  - name: ghcr.io/acme/web
    newTag: 1.3.1
replicas:
  - name: web
    count: 3
`;

function apply(
  fromText: string,
  toText: string,
  options = { service: 'web', from: 'staging', to: 'prod' },
) {
  const edit = promoteImage(options);
  const documents = { [edit.reads![0]]: parseDocument(fromText) };
  return { edit, text: editYaml(toText, doc => edit.edit(doc, { documents })) };
}

describe('promoteImage', () => {
  it('targets overlays/<to> and reads overlays/<from>', () => {
    const edit = promoteImage({ service: 'web', from: 'staging', to: 'prod' });
    expect(edit.path).toBe('apps/web/overlays/prod/kustomization.yaml');
    expect(edit.reads).toEqual([
      'apps/web/overlays/staging/kustomization.yaml',
    ]);
  });

  it('copies the tag and keeps every comment and the rest of the file', () => {
    expect(apply(STAGING, PROD).text).toBe(
      PROD.replace('newTag: 1.3.1', 'newTag: 1.3.2'),
    );
  });

  it('copies a digest and drops the old tag', () => {
    const digest = `sha256:${'b'.repeat(64)}`;
    const from = STAGING.replace(
      'newTag: 1.3.2 # from CI',
      `digest: ${digest}`,
    );
    const text = apply(from, PROD).text;
    expect(text).toContain(`digest: ${digest}`);
    expect(text).not.toContain('newTag');
  });

  it('adds the image when the target overlay pins none', () => {
    const text = apply(
      STAGING,
      'kind: Kustomization\nresources:\n  - ../../base\n',
    ).text;
    expect(parseDocument(text).toJSON().images).toEqual([
      { name: 'ghcr.io/acme/web', newTag: '1.3.2' },
    ]);
  });

  it('refuses a source overlay without images', () => {
    expect(() => apply('kind: Kustomization\n', PROD)).toThrow(InputError);
  });

  it.each([
    [{ service: 'Web', from: 'staging', to: 'prod' }],
    [{ service: 'web', from: 'prod', to: 'prod' }],
    [{ service: 'web', from: '../x', to: 'prod' }],
  ])('refuses %j', options => {
    expect(() => promoteImage(options)).toThrow(InputError);
  });
});
