import { defineProjectConfig } from '@cruddur/vitest-config';
import { mergeConfig } from 'vitest/config';
import { withServices } from './src/vitest/config';

export default mergeConfig(
  defineProjectConfig(),
  withServices(['dynamodb', 'postgres', 'cognito']),
);
