import { ConfigRepoAccess, openerForRequest } from './configRepoAccess';

describe('openerForRequest', () => {
  it.each([
    { what: 'the same branch once', revisions: ['main', 'main'], opens: 1 },
    {
      what: 'HEAD and no revision (the default branch) once',
      revisions: ['HEAD', undefined],
      opens: 1,
    },
    { what: 'two branches each', revisions: ['main', 'release'], opens: 2 },
  ])('opens $what', async ({ revisions, opens }) => {
    const open = jest.fn(
      async (url?: string) => ({ url } as unknown as ConfigRepoAccess),
    );
    const opener = openerForRequest(open);

    const url = 'https://github.com/acme/gitops-config';
    const [first, second] = await Promise.all(
      revisions.map(revision => opener(url, revision)),
    );

    expect(open).toHaveBeenCalledTimes(opens);
    expect(first === second).toBe(opens === 1);
  });
});
