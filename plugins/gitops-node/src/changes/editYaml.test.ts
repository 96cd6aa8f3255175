import { InputError } from '@backstage/errors';
import { editYaml } from './editYaml';

const TEXT = `# top comment
apiVersion: v1
kind: ConfigMap
metadata:
  name: web # inline comment

  labels: { team: payments }
data:
  "quoted": 'single'
  long: ${'x'.repeat(120)}
`;

describe('editYaml', () => {
  it('changes one value and leaves comments, quoting, flow style (Prettier spacing), blank lines and long lines alone', () => {
    const out = editYaml(TEXT, doc => doc.setIn(['metadata', 'name'], 'api'));
    expect(out).toBe(
      TEXT.replace('name: web # inline comment', 'name: api # inline comment'),
    );
  });

  it('adds a key without touching the rest', () => {
    const out = editYaml(TEXT, doc => doc.setIn(['data', 'extra'], 'yes'));
    expect(out).toBe(`${TEXT}  extra: yes\n`);
  });

  it('refuses text that is not YAML', () => {
    expect(() => editYaml('a: [1, 2\n', () => {}, 'x.yaml')).toThrow(
      InputError,
    );
  });
});
