/**
 * `@octokit/plugin-throttling` spaces writes one second apart (three for writes that notify, such as opening a pull
 * request), as GitHub asks of clients of github.com. Against the in-process emulator that pause is only waiting: a
 * test that opens a pull request makes five to ten writes. This module stands in for the plugin through the
 * plugin's documented `Bottleneck` option: its groups keep their concurrency limits (writes stay one at a time) but
 * have no minimum time between requests. Rate-limit and secondary-rate-limit handling stay as in production.
 *
 * Use it from a package's `src/setupTests.ts`, so every test file of the package gets it:
 *
 * ```ts
 * jest.mock('@octokit/plugin-throttling', () =>
 *   require('@internal/github-emulator/testUtils').unpacedThrottling(),
 * );
 * ```
 *
 * `pluginPath`: another copy of the plugin (the `octokit` package bundles its own), mocked by that path.
 */
export function unpacedThrottling(pluginPath = '@octokit/plugin-throttling') {
  const { dirname } =
    jest.requireActual<typeof import('node:path')>('node:path');
  const actual = jest.requireActual(pluginPath);
  // The Bottleneck build the plugin itself loads by default.
  const Bottleneck = jest.requireActual(
    require.resolve('bottleneck/light', {
      paths: [dirname(require.resolve(pluginPath))],
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
}
