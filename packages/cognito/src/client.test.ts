import { ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { createCognitoClient } from './client';
import { testCognito } from './testing/test-pool';

describe('createCognitoClient', () => {
  // That an endpoint in `env` wins over the process environment is shown by the paging-proxy tests.
  it('uses the region it is given', async () => {
    const { env } = testCognito();
    const client = createCognitoClient({ ...env, AWS_REGION: 'eu-west-2' });
    try {
      expect(await client.config.region()).toBe('eu-west-2');
      await expect(
        client.send(new ListUserPoolsCommand({ MaxResults: 1 })),
      ).resolves.toHaveProperty('UserPools');
    } finally {
      client.destroy();
    }
  });

  it('without an endpoint in its env, still honours AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER from the process environment (the SDK reads it)', async () => {
    expect(process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER).toMatch(
      /^http:\/\/localhost:\d+$/,
    );
    const client = createCognitoClient({ AWS_REGION: 'us-east-1' });
    try {
      await expect(
        client.send(new ListUserPoolsCommand({ MaxResults: 1 })),
      ).resolves.toHaveProperty('UserPools');
    } finally {
      client.destroy();
    }
  });
});
