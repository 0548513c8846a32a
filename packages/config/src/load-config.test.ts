import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConfigError,
  cognitoEnv,
  cognitoIssuer,
  dynamoEnv,
  loadConfig,
  postgresEnv,
} from './index';

describe('loadConfig', () => {
  it('applies defaults and accepts a valid environment', () => {
    const config = loadConfig('test', dynamoEnv, { AWS_REGION: 'eu-west-2' });
    expect(config).toEqual({ AWS_REGION: 'eu-west-2', DDB_TABLE_NAME: 'cruddur-messages' });
  });

  it('names every problem in one message', () => {
    const schema = dynamoEnv.extend(postgresEnv.shape);
    let error: unknown;
    try {
      loadConfig('api', schema, {
        AWS_REGION: 'nowhere',
        AWS_ENDPOINT_URL_DYNAMODB: 'not a url',
        DDB_TABLE_NAME: 'x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('api: invalid configuration');
    expect(message).toContain('AWS_REGION: must look like us-east-1');
    expect(message).toContain('AWS_ENDPOINT_URL_DYNAMODB: must be a URL');
    expect(message).toContain('DDB_TABLE_NAME: must be 3-255 characters');
    expect(message).toContain('DATABASE_URL: is required');
    expect((error as ConfigError).problems).toHaveLength(4);
  });

  it('treats blank values as unset', () => {
    expect(() =>
      loadConfig('t', z.object({ DATABASE_URL: postgresEnv.shape.DATABASE_URL }), {
        DATABASE_URL: '  ',
      }),
    ).toThrow(/DATABASE_URL: is required/);
  });

  it('derives the Cognito issuer for AWS and for a local endpoint', () => {
    const aws = loadConfig('t', cognitoEnv, {
      AWS_REGION: 'us-east-1',
      COGNITO_USER_POOL_ID: 'us-east-1_AbC123',
      COGNITO_CLIENT_ID: 'abc123',
    });
    expect(cognitoIssuer(aws)).toBe('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123');
    expect(
      cognitoIssuer({
        ...aws,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://localhost:9229/',
      }),
    ).toBe('http://localhost:9229/us-east-1_AbC123');
  });
});
