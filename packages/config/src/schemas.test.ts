import { describe, expect, it } from 'vitest';
import { awsCredentials, dynamoEnv, loadConfig } from './index';

describe('awsCredentials', () => {
  it('passes static credentials from the record the program was given', () => {
    const env = loadConfig('test', dynamoEnv, {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'secret',
    });
    expect(awsCredentials(env)).toEqual({
      credentials: { accessKeyId: 'local', secretAccessKey: 'secret', sessionToken: undefined },
    });
  });

  it('leaves the SDK its provider chain unless both keys are set', () => {
    expect(awsCredentials({})).toEqual({});
    expect(awsCredentials({ AWS_ACCESS_KEY_ID: 'local' })).toEqual({});
  });
});
