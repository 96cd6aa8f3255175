import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readPathTemplates } from './readPathTemplate';

const read = (pathTemplate?: string) =>
  readPathTemplates(
    new ConfigReader({
      gitops: {
        configRepo: {
          host: 'github.com',
          owner: 'acme',
          repo: 'config',
          pathTemplate,
        },
      },
    }),
  );

describe('readPathTemplates', () => {
  it('gives no template when none is configured', () => {
    expect(read()).toEqual([]);
  });

  it('gives the configured template as a layout', () => {
    expect(read('deploy/{env}/{service}/')).toEqual([
      { folder: 'deploy/{env}/{service}/', recursive: true },
    ]);
  });

  it.each([
    ['a `..` segment', '../secrets/{env}/', /'\.\.' segment/],
    ['an absolute path', '/etc/{env}/{service}.yaml', /not absolute/],
  ])(
    'refuses %s, naming the key and the template',
    (_name, template, problem) => {
      const attempt = () => read(template);
      expect(attempt).toThrow(InputError);
      expect(attempt).toThrow(
        `Invalid config gitops.configRepo.pathTemplate ${JSON.stringify(
          template,
        )}: `,
      );
      expect(attempt).toThrow(problem);
    },
  );
});
