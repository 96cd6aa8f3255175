import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..');
const output = resolve(__dirname, 'output');

/**
 * End-to-end tests in Debian's Chromium (never a downloaded browser) against the sandbox: emulated clusters, the
 * GitHub emulator and the portal's backend serving the built app. Build the app first (scripts/test.sh does).
 */
export default defineConfig({
  testDir: resolve(__dirname, 'tests'),
  outputDir: resolve(output, 'results'),
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    ['json', { outputFile: resolve(output, 'report.json') }],
  ],
  use: {
    baseURL: 'http://localhost:7007',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // A fresh state folder per run, so the tests see exactly the seeded demo. The servers' request logs go to
    // output/sandbox.log rather than burying the test results.
    command: `rm -rf "${output}/sandbox-state" && mkdir -p "${output}" && node --require @backstage/cli/config/nodeTransform.cjs packages/sandbox/src/start.ts > "${output}/sandbox.log" 2>&1`,
    cwd: root,
    env: {
      SANDBOX_STATE_DIR: resolve(output, 'sandbox-state'),
      // one backend for the whole run, not restarted when a source file changes
      SANDBOX_BACKEND_WATCH: 'false',
    },
    url: 'http://localhost:7007/.backstage/health/v1/readiness',
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
