/**
 * The actions' GitHub client (gitops-node `createGithubClient`) uses
 * `@octokit/plugin-throttling`, which spaces writes one second apart (three
 * for writes that notify, such as opening a pull request), as GitHub asks of
 * clients of github.com. Every test here talks to the in-process
 * github-emulator, where that pause is only waiting: an action run makes
 * four to seven writes. The tests swap in the plugin's documented
 * `Bottleneck` option a Bottleneck whose groups keep their concurrency
 * limits but have no minimum time between requests. Rate-limit and
 * secondary-rate-limit handling stay as in production.
 */
jest.mock('@octokit/plugin-throttling', () => {
  const { dirname } =
    jest.requireActual<typeof import('node:path')>('node:path');
  const actual = jest.requireActual('@octokit/plugin-throttling');
  // The Bottleneck build the plugin itself loads by default.
  const Bottleneck = jest.requireActual(
    require.resolve('bottleneck/light', {
      paths: [dirname(require.resolve('@octokit/plugin-throttling'))],
    }),
  );
  class UnpacedBottleneck extends Bottleneck {
    static Group = class extends Bottleneck.Group {
      constructor(options: Record<string, unknown> = {}) {
        super({ ...options, minTime: 0 });
      }
    };
  }
  const throttling = (
    octokit: unknown,
    options: { throttle?: Record<string, unknown> },
  ) =>
    actual.throttling(octokit, {
      ...options,
      throttle: { ...options.throttle, Bottleneck: UnpacedBottleneck },
    });
  throttling.VERSION = actual.throttling.VERSION;
  throttling.triggersNotification = actual.throttling.triggersNotification;
  return { ...actual, throttling };
});
