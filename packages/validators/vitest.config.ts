import { defineProjectConfig } from '@cruddur/vitest-config';

export default defineProjectConfig();
