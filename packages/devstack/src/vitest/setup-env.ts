import { inject } from 'vitest';

// Each test file runs with the environment of the services started by the global setup.
Object.assign(process.env, inject('devstackEnv'));
