import { App, RemovalPolicy } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readDeploymentConfig, removalPolicy } from './config';

const read = (context: Record<string, unknown>) => readDeploymentConfig(new App({ context }).node);

describe('readDeploymentConfig', () => {
  it('defaults to dev, with an external database and data that may be deleted', () => {
    expect(read({})).toEqual({
      stage: 'dev',
      tableName: 'cruddur-messages-dev',
      database: 'external',
      liveTasks: 1,
      logLevel: 'info',
      protectData: false,
    });
    expect(removalPolicy(read({}))).toBe(RemovalPolicy.DESTROY);
  });

  it('protects prod data and runs two live tasks there', () => {
    const prod = read({ stage: 'prod' });
    expect(prod).toMatchObject({
      tableName: 'cruddur-messages-prod',
      liveTasks: 2,
      protectData: true,
    });
    expect(removalPolicy(prod)).toBe(RemovalPolicy.RETAIN);
  });

  it('takes the values -c passes as strings', () => {
    expect(
      read({ tableName: 'messages.v2', database: 'rds', liveTasks: '0', logLevel: 'debug' }),
    ).toMatchObject({ tableName: 'messages.v2', database: 'rds', liveTasks: 0, logLevel: 'debug' });
  });

  it.each([
    [{ stage: 'staging' }, /-c stage=staging: must be one of dev, prod/],
    [{ database: 'aurora' }, /-c database=aurora: must be one of external, rds/],
    [{ tableName: 'a b' }, /-c tableName=a b: must be 3-255 characters/],
    [{ liveTasks: '-1' }, /-c liveTasks=-1: must be a whole number/],
    [{ logLevel: 'verbose' }, /-c logLevel=verbose: must be one of fatal, error/],
  ])('refuses %o with a message naming the key', (context, message) => {
    expect(() => read(context)).toThrow(message);
  });
});
