import { defineProjectConfig } from '@cruddur/vitest-config';

export default defineProjectConfig({
  test: {
    globalSetup: ['src/testing/global-setup.ts'],
    // Synthesising the stack takes seconds and the tests only read the result: test files in a
    // worker share each synthesised configuration (src/testing/synth.ts) instead of redoing it.
    isolate: false,
  },
});
