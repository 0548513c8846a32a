import { withServices } from '@cruddur/devstack';
import { defineProjectConfig } from '@cruddur/vitest-config';
import { mergeConfig } from 'vitest/config';

export default mergeConfig(defineProjectConfig(), withServices(['postgres']));
