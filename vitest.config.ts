import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Browser tests poll for what a page shows after loading the search index: a second,
    // vitest's default, is too short on a busy 2-core machine (seen failing while a benchmark
    // shared the cores).
    expect: { poll: { timeout: 15_000 } },
  },
});
