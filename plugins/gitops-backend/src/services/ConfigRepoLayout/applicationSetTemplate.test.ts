import { parseExpression, readBack } from './applicationSetTemplate';

describe('parseExpression', () => {
  it.each([
    ['image.tag', false, undefined, { kind: 'param', key: 'image.tag' }],
    ['.image.tag', true, undefined, { kind: 'param', key: 'image.tag' }],
    ['path', false, undefined, { kind: 'path', part: 'path' }],
    ['.path.path', true, undefined, { kind: 'path', part: 'path' }],
    ['path[2]', false, undefined, { kind: 'segment', index: 2 }],
    ['index .path.segments 2', true, undefined, { kind: 'segment', index: 2 }],
    ['path.basename', false, undefined, { kind: 'path', part: 'basename' }],
    ['.path.filename', true, undefined, { kind: 'path', part: 'filename' }],
    [
      'path.basenameNormalized',
      false,
      undefined,
      { kind: 'path', part: 'other' },
    ],
    ['cfg.path.basename', false, 'cfg', { kind: 'path', part: 'basename' }],
    ['path.basename', false, 'cfg', { kind: 'param', key: 'path.basename' }],
    [
      '.image.tag | default "latest"',
      true,
      undefined,
      { kind: 'unknown', text: '.image.tag | default "latest"' },
    ],
    ['image.tag', true, undefined, { kind: 'unknown', text: 'image.tag' }],
  ])(
    'reads {{%s}} (goTemplate %s, prefix %s)',
    (text, go, prefix, expected) => {
      expect(parseExpression(text, go, prefix)).toEqual(expected);
    },
  );
});

describe('readBack', () => {
  it.each([
    {
      template: '{{path[1]}}-{{path.basename}}',
      rendered: 'shop-staging',
      expected: { segments: { 1: 'shop' }, basename: 'staging' },
    },
    {
      template: '{{.path.path}}/manifests',
      rendered: 'envs/eu/staging/manifests',
      expected: { segments: {}, path: 'envs/eu/staging' },
    },
    {
      template: '{{name}}/{{path.basename}}',
      rendered: 'in-cluster/staging',
      expected: { segments: {}, basename: 'staging' },
    },
    {
      template: '{{name}}-{{path.basename}}',
      rendered: 'in-cluster-staging',
      expected: { segments: {} },
    },
    {
      template: 'shop-{{path.basename}}',
      rendered: 'cart-staging',
      expected: undefined,
    },
  ])(
    'reads $rendered back against $template',
    ({ template, rendered, expected }) => {
      expect(readBack(template, rendered, template.includes('{{.'))).toEqual(
        expected,
      );
    },
  );
});
