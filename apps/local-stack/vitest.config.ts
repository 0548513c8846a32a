import { defineProjectConfig } from '@cruddur/vitest-config';

// `pnpm dev` brings up its own services: these tests start it as a person would.
export default defineProjectConfig({ test: { testTimeout: 240_000 } });
