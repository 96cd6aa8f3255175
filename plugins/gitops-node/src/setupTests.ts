// Every GitHub client in these tests talks to the in-process github-emulator: no pause between writes
// (`unpacedThrottling` says why; rate-limit handling stays as in production).
jest.mock('@octokit/plugin-throttling', () =>
  require('@internal/github-emulator/testUtils').unpacedThrottling(),
);
