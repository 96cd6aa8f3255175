import {
  changeDiff,
  maskSecretManifests,
  SECRET_MASK as MASK,
} from './changeDiff';

/** A task's secret masked the way the scaffolder module masks it. */
const mask = (text: string) => text.split('tok-123').join(MASK);

const secret = (values: string) => `apiVersion: v1
kind: Secret
metadata:
  name: db # the database credentials
${values}`;

describe('maskSecretManifests', () => {
  it.each([
    [
      'stringData values',
      secret('stringData:\n  password: hunter2\n  user: "admin"\n'),
      secret(`stringData:\n  password: ${MASK}\n  user: ${MASK}\n`),
    ],
    [
      'data values',
      secret('data:\n  token: aHVudGVyMg==\n'),
      secret(`data:\n  token: ${MASK}\n`),
    ],
    [
      'a block scalar',
      secret('stringData:\n  key.pem: |\n    -----BEGIN KEY-----\n    abc\n'),
      secret(`stringData:\n  key.pem: ${MASK}`),
    ],
    [
      'a flow map',
      secret('data: { token: aHVudGVyMg== }\n'),
      secret(`data: { token: ${MASK} }\n`),
    ],
    [
      'the Secret of a multi-document file only',
      `kind: ConfigMap\ndata:\n  mode: on\n---\n${secret(
        'data:\n  token: abc\n',
      )}`,
      `kind: ConfigMap\ndata:\n  mode: on\n---\n${secret(
        `data:\n  token: ${MASK}\n`,
      )}`,
    ],
    [
      'a JSON Secret',
      '{"kind": "Secret", "data": {"token": "abc"}}\n',
      `{"kind": "Secret", "data": {"token": ${MASK}}}\n`,
    ],
  ])('masks %s, keeping the rest as written', (_case, text, expected) => {
    expect(maskSecretManifests(text)).toBe(expected);
  });

  it.each([
    ['a ConfigMap', 'kind: ConfigMap\ndata:\n  token: abc\n'],
    [
      'a SealedSecret',
      'kind: SealedSecret\nspec:\n  encryptedData:\n    a: b\n',
    ],
    ['a README that mentions Secrets', '# Secrets\nkind of: Secret stuff {\n'],
  ])('leaves %s unchanged', (_case, text) => {
    expect(maskSecretManifests(text)).toBe(text);
  });

  it('hides a Secret it cannot parse', () => {
    const masked = maskSecretManifests(secret('data:\n  token: [abc\n'));
    expect(masked).not.toContain('abc');
    expect(masked).toContain(MASK);
  });
});

describe('changeDiff', () => {
  it('shows only the changed lines of a changed file, with context', () => {
    const before = 'a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nh: 8\n';
    const diff = changeDiff(
      'x.yaml',
      before,
      before.replace('e: 5', 'e: 50'),
      mask,
    );
    expect(diff).toContain('--- a/x.yaml\n+++ b/x.yaml\n@@ -2,7 +2,7 @@\n');
    expect(diff).toContain('-e: 5\n+e: 50\n');
    expect(diff).not.toContain('a: 1');
  });

  it.each([
    ['a new file', undefined, 'a: 1\n', '--- /dev/null\n+++ b/x.yaml', '+a: 1'],
    [
      'a deleted file',
      'a: 1\n',
      undefined,
      '--- a/x.yaml\n+++ /dev/null',
      '-a: 1',
    ],
  ])('diffs %s against nothing', (_case, before, after, header, line) => {
    const diff = changeDiff('x.yaml', before, after, mask);
    expect(diff).toContain(header);
    expect(diff).toContain(line);
  });

  it("masks the task's secrets and Secret values on both sides", () => {
    const diff = changeDiff(
      'apps/web/secret.yaml',
      secret('stringData:\n  password: old-value\n'),
      secret('stringData:\n  password: new-value\n  api: tok-123\n# tok-123\n'),
      mask,
    );
    expect(diff).not.toMatch(/old-value|new-value|tok-123/);
    expect(diff).toContain(`+  api: ${MASK}\n`);
    expect(diff).toContain(`+# ${MASK}\n`);
  });
});
