import react from '@vitejs/plugin-react';
import { withServices } from '@cruddur/devstack';
import { defineProjectConfig } from '@cruddur/vitest-config';
import { mergeConfig } from 'vitest/config';

// Components run in happy-dom; the sign-in client is tested against a real cognito-local.
export default mergeConfig(
  defineProjectConfig({
    plugins: [react()],
    test: {
      environment: 'happy-dom',
      setupFiles: ['src/testing/setup.ts'],
    },
  }),
  withServices(['cognito']),
);
