import { defineConfig } from 'vitest/config';
import { SkipReport } from './test/support/skip-report.ts';

export default defineConfig({
  test: {
    // Native addons (better-sqlite3, hnswlib-node, onnxruntime-node) are not safe in worker threads.
    pool: 'forks',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Tests needing tools outside npm skip without them; .ci/run sets AISLE_REQUIRE_ALL_TESTS=1 so a skip fails there.
    reporters: ['default', new SkipReport(process.env.AISLE_REQUIRE_ALL_TESTS === '1')],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
