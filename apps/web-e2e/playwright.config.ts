import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// A free port, chosen once by the runner; its workers inherit it through the environment.
process.env['WEB_E2E_PORT'] ??= execFileSync(process.execPath, [
  '-e',
  "const s = require('net').createServer().listen(0, () => { process.stdout.write(String(s.address().port)); s.close(); })",
]).toString();
const port = Number(process.env['WEB_E2E_PORT']);
const workspaceRoot = join(__dirname, '..', '..');

// Debian's Chromium; no browser is downloaded.
process.env['PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD'] = '1';

export default defineConfig({
  testDir: './src',
  outputDir: join(workspaceRoot, 'dist', '.playwright', 'apps', 'web-e2e', 'test-output'),
  fullyParallel: false,
  workers: 1,
  // One retry on CI only: a browser step can miss its window on a loaded machine; a real failure fails twice.
  retries: process.env['CI'] ? 1 : 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-gpu',
      ],
    },
  },
  // The built API on a fresh data directory: embedded PostgreSQL, migrations, demo seed, and
  // the built web app served at `/`.
  webServer: {
    command: 'node dist/apps/api/main.js',
    cwd: workspaceRoot,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      DATA_DIR: `tmp/web-e2e/data-${Date.now()}`,
      LOG_LEVEL: 'warn',
    },
  },
  projects: [{ name: 'chromium' }],
});
