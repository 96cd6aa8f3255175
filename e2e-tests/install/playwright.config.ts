import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';

const output = resolve(__dirname, '../output/install');

/**
 * The install test's browser part, in Debian's Chromium: a stock @backstage/create-app app with the packed plugins
 * installed from the README, which scripts/install-test.sh has started on port 7007 against the sandbox's emulators
 * (no web server here: the script owns the processes).
 */
export default defineConfig({
  testDir: __dirname,
  outputDir: resolve(output, 'results'),
  timeout: 180_000,
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
});
