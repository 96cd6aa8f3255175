// Every GitHub client in these tests talks to the in-process github-emulator: no pause between writes
// (`unpacedThrottling` says why; rate-limit handling stays as in production).
jest.mock('@octokit/plugin-throttling', () =>
  require('@internal/github-emulator/testUtils').unpacedThrottling(),
);
// The scaffolder's publish:github and github:* actions use the `octokit` package, which bundles its own copy.
jest.mock(
  require.resolve('@octokit/plugin-throttling', {
    paths: [require.resolve('octokit')],
  }),
  () =>
    require('@internal/github-emulator/testUtils').unpacedThrottling(
      require.resolve('@octokit/plugin-throttling', {
        paths: [require.resolve('octokit')],
      }),
    ),
);
