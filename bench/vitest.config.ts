import { defineProjectConfig } from '@cruddur/vitest-config';

// Unit tests of the pure helpers only; the benchmark itself is `pnpm bench`, never part of `pnpm test`.
export default defineProjectConfig();
