import { assertNoTemplateExpressions } from './safety';

const externalSecret = (
  where: 'template' | 'data',
) => `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: c1-cluster
spec:
  target:
    name: c1-cluster
${
  where === 'template'
    ? '    template:\n      data:\n        server: "{{ .server }}"\n'
    : ''
}  data:
    - secretKey: kubeconfig
      remoteRef:
        key: ${where === 'data' ? '"{{ .key }}"' : 'c1-kubeconfig'}
`;

describe('assertNoTemplateExpressions', () => {
  it.each([
    ["an ExternalSecret's target template", externalSecret('template')],
    [
      "an ApplicationSet's template",
      'kind: ApplicationSet\nspec:\n  template:\n    metadata:\n      name: "{{ .path.basename }}"\n',
    ],
  ])('lets through the Go templates of %s', (_case, text) => {
    expect(() => assertNoTemplateExpressions('x/a.yaml', text)).not.toThrow();
  });

  it.each([
    [
      "an ExternalSecret's data (no controller renders it)",
      externalSecret('data'),
    ],
    ['a ConfigMap', 'kind: ConfigMap\ndata:\n  a: "{{ .b }}"\n'],
  ])('refuses a template expression in %s', (_case, text) => {
    expect(() => assertNoTemplateExpressions('x/a.yaml', text)).toThrow(
      /unrendered template expression/,
    );
  });
});
