import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';
import type { ServiceName } from '../services';

/** vitest settings that start `services` for the suite; merge into `defineProjectConfig`. */
export function withServices(services: ServiceName[]): ViteUserConfig {
  return {
    test: {
      globalSetup: [fileURLToPath(new URL('./global-setup.ts', import.meta.url))],
      setupFiles: [fileURLToPath(new URL('./setup-env.ts', import.meta.url))],
      provide: { devstackServices: services },
    },
  };
}
