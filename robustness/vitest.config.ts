import { defineProjectConfig } from '@cruddur/vitest-config';

/**
 * Each test file brings up the whole stack (services, API, worker) and breaks part of it, so files
 * run one after the other. The limits are generous because the suite shares two cores with other
 * suites; every wait inside a test is on a condition, so a fast machine finishes early.
 */
export default defineProjectConfig({
  test: {
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
});
