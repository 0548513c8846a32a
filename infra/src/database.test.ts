import { describe, expect, it } from 'vitest';
import { DATABASE_URL_PLACEHOLDER } from './database';
import { logicalIdOf, resourcesOf, synth } from './testing/synth';

const appFunctions = (database: 'external' | 'rds') =>
  Object.values(resourcesOf(synth({ database }).template, 'AWS::Lambda::Function')).filter(
    ({ Properties }) => (Properties.Runtime as string).startsWith('nodejs22'),
  );

describe('an existing PostgreSQL (the default)', () => {
  const { template } = synth();

  it('gets a plain-text DATABASE_URL secret for the operator to fill in', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'cruddur-messages/dev/database-url',
      SecretString: DATABASE_URL_PLACEHOLDER,
    });
    template.resourceCountIs('AWS::RDS::DBInstance', 0);
  });

  it('is reached from functions outside the VPC, so there is no NAT gateway to pay for', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    for (const { Properties } of appFunctions('external'))
      expect(Properties.VpcConfig).toBeUndefined();
  });
});

describe('-c database=rds', () => {
  const { stack, template } = synth({ database: 'rds' });
  const instanceId = logicalIdOf(stack, stack.database.instance!);
  const [instance] = Object.values(resourcesOf(template, 'AWS::RDS::DBInstance'));

  it('creates an encrypted, private PostgreSQL 17 instance in the isolated subnets', () => {
    expect(instance?.Properties).toMatchObject({
      Engine: 'postgres',
      EngineVersion: '17',
      DBInstanceClass: 'db.t4g.micro',
      DBName: 'cruddur',
      StorageEncrypted: true,
      PubliclyAccessible: false,
      MultiAZ: false,
      BackupRetentionPeriod: 7,
      DeletionProtection: false,
    });
    template.hasResourceProperties('AWS::RDS::DBSubnetGroup', {
      SubnetIds: stack.network.vpc.isolatedSubnets.map((subnet) => ({
        Ref: logicalIdOf(stack, subnet),
      })),
    });
  });

  it('keeps a Multi-AZ, deletion-protected instance in prod', () => {
    const [prod] = Object.values(
      resourcesOf(synth({ stage: 'prod', database: 'rds' }).template, 'AWS::RDS::DBInstance'),
    );
    expect(prod?.Properties).toMatchObject({ MultiAZ: true, DeletionProtection: true });
    expect(prod?.DeletionPolicy).toBe('Retain');
  });

  it('composes DATABASE_URL at deploy time, the password as a dynamic reference', () => {
    const secrets = resourcesOf(template, 'AWS::SecretsManager::Secret');
    const url = secrets[logicalIdOf(stack, stack.database.urlSecret)]?.Properties;
    expect(url?.Name).toBe('cruddur-messages/dev/database-url');
    const [, parts] = (url?.SecretString as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
    expect(parts).toEqual([
      'postgres://cruddur:{{resolve:secretsmanager:',
      { Ref: logicalIdOf(stack, stack.database.instance!.secret!) },
      ':SecretString:password::}}@',
      { 'Fn::GetAtt': [instanceId, 'Endpoint.Address'] },
      ':',
      { 'Fn::GetAtt': [instanceId, 'Endpoint.Port'] },
      '/cruddur?sslmode=verify-full',
    ]);
    // Letters and digits only, so that the password needs no escaping in the URL.
    const [credentials] = Object.values(secrets).filter(
      ({ Properties }) => Properties.GenerateSecretString,
    );
    const excluded = (credentials?.Properties.GenerateSecretString as { ExcludeCharacters: string })
      .ExcludeCharacters;
    for (const character of ':/@?#%&=+ ') expect(excluded).toContain(character);
  });

  it('puts the functions in the private subnets, which reach out through one NAT gateway', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    const privateSubnets = stack.network.vpc.privateSubnets.map((subnet) => ({
      Ref: logicalIdOf(stack, subnet),
    }));
    const functions = appFunctions('rds');
    expect(functions).toHaveLength(4);
    for (const { Properties } of functions) {
      expect((Properties.VpcConfig as { SubnetIds: unknown[] }).SubnetIds).toEqual(privateSubnets);
    }
  });

  it('admits, on its port, the functions, the live tasks and the operator group, nothing else', () => {
    const databaseSg = {
      'Fn::GetAtt': [
        logicalIdOf(stack, stack.database.instance!.connections.securityGroups[0]!),
        'GroupId',
      ],
    };
    const sources = Object.values(resourcesOf(template, 'AWS::EC2::SecurityGroupIngress'))
      .filter(({ Properties }) => JSON.stringify(Properties.GroupId) === JSON.stringify(databaseSg))
      .map(({ Properties }) => {
        expect(Properties.FromPort).toEqual({ 'Fn::GetAtt': [instanceId, 'Endpoint.Port'] });
        return (Properties.SourceSecurityGroupId as { 'Fn::GetAtt': [string, string] })[
          'Fn::GetAtt'
        ][0];
      });
    const groupOf = (construct: { connections: { securityGroups: { node: unknown }[] } }) =>
      logicalIdOf(stack, construct.connections.securityGroups[0] as never);
    expect(sources.sort()).toEqual(
      [
        groupOf(stack.api.function.function),
        groupOf(stack.worker.function.function),
        groupOf(stack.identity.postConfirmation.function),
        groupOf(stack.identity.preSignUp.function),
        groupOf(stack.live.service),
        logicalIdOf(stack, stack.database.operatorAccess!),
      ].sort(),
    );
    template.hasOutput('OperatorSecurityGroupId', {
      Value: { 'Fn::GetAtt': [logicalIdOf(stack, stack.database.operatorAccess!), 'GroupId'] },
    });
  });
});
