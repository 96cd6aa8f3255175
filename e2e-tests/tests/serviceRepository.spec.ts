import { expect, test } from '@playwright/test';
import { scaffoldService } from './scaffolder';
import { fileAt, githubApi, signInAsGuest } from './sandboxState';

test.describe("a new service's source repository", () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('scaffolding a service creates its own repository from the skeleton in the GitHub emulator', async ({
    page,
  }, testInfo) => {
    const name = 'shipping-quotes';
    await scaffoldService(
      page,
      name,
      testInfo.outputPath('source-repo-task.png'),
    );

    const repo = await githubApi(`/repos/acme/${name}`);
    expect(repo.status).toBe(200);
    expect((await repo.json()).default_branch).toBe('main');
    const tree: { tree: Array<{ path: string }> } = await githubApi(
      `/repos/acme/${name}/git/trees/main?recursive=1`,
    ).then(r => r.json());
    expect(tree.tree.map(entry => entry.path)).toEqual(
      expect.arrayContaining([
        'catalog-info.yaml',
        'Dockerfile',
        'package.json',
        'src/server.js',
        'test/server.test.js',
        '.github/workflows/ci.yaml',
      ]),
    );
    expect(await fileAt(`acme/${name}`, 'catalog-info.yaml', 'main')).toContain(
      `backstage.io/kubernetes-id: ${name}`,
    );
  });
});
