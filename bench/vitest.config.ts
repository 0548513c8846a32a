import { withServices } from '@cruddur/devstack';
import { defineProjectConfig } from '@cruddur/vitest-config';
import { mergeConfig } from 'vitest/config';

// Unit tests of the helpers, and a short run of the stream-lag measurement against DynamoDB Local;
// the benchmark itself is `pnpm bench`, never part of `pnpm test`.
export default mergeConfig(defineProjectConfig(), withServices(['dynamodb']));
