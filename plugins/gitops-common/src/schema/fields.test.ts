import { z } from 'zod';
import {
  chartVersionSchema,
  commitShaSchema,
  dns1123LabelSchema,
  dns1123SubdomainSchema,
  entityKindSchema,
  entityNameSchema,
  entityNamespaceSchema,
  entityRefSchema,
  imageDigestSchema,
  imageNameSchema,
  imageReferenceSchema,
  imageTagSchema,
  multiLineSchema,
  repoPathSchema,
  singleLineSchema,
} from './fields';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const HUGE = 'a'.repeat(90 * 1024);

/** Each schema with values it accepts and values it refuses (and why). */
const cases: Array<{
  name: string;
  schema: z.ZodType<string>;
  accepts: string[];
  refuses: Array<[string, string]>;
}> = [
  {
    name: 'dns1123SubdomainSchema',
    schema: dns1123SubdomainSchema,
    accepts: ['web', 'web.example.com', 'argocd-cm', 'x'.repeat(63)],
    refuses: [
      ['empty', ''],
      ['upper case', 'Web'],
      ['an empty label', 'web..example'],
      ['a slash', 'web/x'],
      ['a NUL byte', 'web\u0000'],
      ['254 characters', `${'x'.repeat(63)}.`.repeat(4).slice(0, 254)],
    ],
  },
  {
    name: 'dns1123LabelSchema',
    schema: dns1123LabelSchema,
    accepts: ['prod', 'eu-west-1', 'a', 'x'.repeat(63)],
    refuses: [
      ['empty', ''],
      ['upper case', 'Prod'],
      ['a traversal', '../../cart-service/overlays/prod'],
      ['a slash', 'prod/eu'],
      ['a NUL byte', 'prod\u0000'],
      ['a leading dash', '-prod'],
      ['a trailing dash', 'prod-'],
      ['64 characters', 'x'.repeat(64)],
      ['90 KB', HUGE],
    ],
  },
  {
    name: 'entityKindSchema',
    schema: entityKindSchema,
    accepts: ['component', 'Component', 'API'],
    refuses: [
      ['empty', ''],
      ['a digit first', '1component'],
      ['a dash', 'my-kind'],
      ['a NUL byte', 'component\u0000'],
    ],
  },
  {
    name: 'entityNamespaceSchema',
    schema: entityNamespaceSchema,
    accepts: ['default', 'team-a'],
    refuses: [
      ['upper case', 'Default'],
      ['a dot', 'a.b'],
      ['a NUL byte', 'default\u0000'],
    ],
  },
  {
    name: 'entityNameSchema',
    schema: entityNameSchema,
    accepts: ['shop', 'Shop_2', 'shop.v2', 'a'],
    refuses: [
      ['empty', ''],
      ['a slash', 'shop/x'],
      ['a traversal', '..'],
      ['a NUL byte', 'sh\u0000op'],
      ['64 characters', 'x'.repeat(64)],
    ],
  },
  {
    name: 'entityRefSchema',
    schema: entityRefSchema,
    accepts: ['component:default/web', 'group:default/team-a', 'API:x/y.z'],
    refuses: [
      ['a shorthand without kind', 'default/web'],
      ['a shorthand without namespace', 'component:web'],
      ['an extra segment', 'component:default/web/x'],
      ['an invalid namespace', 'component:De fault/web'],
      ['a NUL byte', 'component:default/w\u0000eb'],
      ['90 KB', `component:default/${HUGE}`],
    ],
  },
  {
    name: 'repoPathSchema',
    schema: repoPathSchema,
    accepts: [
      'apps/web/overlays/prod/kustomization.yaml',
      'README.md',
      '.github/CODEOWNERS',
      'apps/web/..data',
    ],
    refuses: [
      ['empty', ''],
      ['a traversal', '../../cart-service/overlays/prod'],
      ['a traversal in the middle', 'apps/web/../../etc/passwd'],
      ['an absolute path', '/etc/passwd'],
      ['a Windows drive', 'C:/Windows'],
      ['a backslash', 'apps\\web'],
      ['a NUL byte', 'apps/web\u0000.yaml'],
      ['a line break', 'apps/web\n.yaml'],
      ['an empty segment', 'apps//web'],
      ['a trailing slash', 'apps/web/'],
      ['a . segment', 'apps/./web'],
      ['.git', '.git/config'],
      ['1025 characters', 'a'.repeat(1025)],
    ],
  },
  {
    name: 'imageNameSchema',
    schema: imageNameSchema,
    accepts: [
      'web',
      'ghcr.io/acme/web',
      'localhost:5000/web',
      'registry.example.org/a/b/c',
      'acme/web_api',
      'acme/web__api',
      'acme/web--api',
    ],
    refuses: [
      ['a tag', 'ghcr.io/acme/web:1.0'],
      ['a digest', `ghcr.io/acme/web@${DIGEST}`],
      ['upper case', 'ghcr.io/Acme/web'],
      ['a trailing slash', 'ghcr.io/acme/'],
      ['a space', 'ghcr.io/acme/web app'],
      ['256 characters', `a/${'b'.repeat(254)}`],
    ],
  },
  {
    name: 'imageTagSchema',
    schema: imageTagSchema,
    accepts: ['1.4.0', 'v1.4.0-rc.1', 'main_2024', 'A'.repeat(128)],
    refuses: [
      ['empty', ''],
      ['a leading dot', '.1'],
      ['a leading dash', '-1'],
      ['a colon', '1:2'],
      ['129 characters', 'A'.repeat(129)],
    ],
  },
  {
    name: 'imageDigestSchema',
    schema: imageDigestSchema,
    accepts: [DIGEST],
    refuses: [
      ['no algorithm', DIGEST.slice(7)],
      ['63 hex digits', DIGEST.slice(0, -1)],
      ['upper-case hex', DIGEST.toUpperCase().replace('SHA256', 'sha256')],
      ['another algorithm', `sha512:${'0'.repeat(64)}`],
    ],
  },
  {
    name: 'imageReferenceSchema',
    schema: imageReferenceSchema,
    accepts: [
      'web',
      'ghcr.io/acme/web:1.4.0',
      `ghcr.io/acme/web@${DIGEST}`,
      `localhost:5000/web:1.4.0@${DIGEST}`,
    ],
    refuses: [
      ['an empty tag', 'ghcr.io/acme/web:'],
      ['a bad digest', 'ghcr.io/acme/web@sha256:abc'],
      ['a scheme', 'https://ghcr.io/acme/web'],
      ['a NUL byte', 'ghcr.io/acme/web\u0000:1'],
      ['90 KB', HUGE],
    ],
  },
  {
    name: 'chartVersionSchema',
    schema: chartVersionSchema,
    accepts: ['1.2.0', '0.1.0-alpha.1', '1.0.0+build.5'],
    refuses: [
      ['two parts', '1.2'],
      ['a range', '^1.2.0'],
      ['a leading zero', '01.2.0'],
      ['a v prefix', 'v1.2.0'],
    ],
  },
  {
    name: 'commitShaSchema',
    schema: commitShaSchema,
    accepts: ['4f1c2a9', 'A'.repeat(40)],
    refuses: [
      ['6 digits', '4f1c2a'],
      ['41 digits', 'a'.repeat(41)],
      ['a ref name', 'main~1'],
      ['empty', ''],
    ],
  },
  {
    name: 'singleLineSchema(20)',
    schema: singleLineSchema(20),
    accepts: ['', 'Promote web', 'x'.repeat(20)],
    refuses: [
      ['21 characters', 'x'.repeat(21)],
      ['a NUL byte', 'a\u0000b'],
      ['a line break', 'a\nb'],
    ],
  },
  {
    name: 'multiLineSchema(20)',
    schema: multiLineSchema(20),
    accepts: ['line one\nline two', 'a\tb\r\n'],
    refuses: [
      ['21 characters', 'x'.repeat(21)],
      ['a NUL byte', 'a\u0000b'],
    ],
  },
];

describe.each(cases)('$name', ({ schema, accepts, refuses }) => {
  it.each(accepts.map(value => [value]))('accepts %j', value => {
    expect(schema.safeParse(value).success).toBe(true);
  });

  it.each(refuses)('refuses %s', (_why, value) => {
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/^must /);
  });
});
