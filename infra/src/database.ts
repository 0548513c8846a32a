import { Duration, Fn, SecretValue } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { type DeploymentConfig, removalPolicy } from './config';
import { acknowledge } from './nag';
import { type Network } from './network';

const DATABASE_NAME = 'cruddur';
const DATABASE_USER = 'cruddur';

/**
 * Generated passwords are letters and digits only, so that they go into a URL as they are (no
 * percent-encoding in the composed DATABASE_URL); the 30 of them are still about 178 bits.
 */
const NOT_IN_PASSWORD = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ ';

/** What an operator sees in the secret until they put the real URL there (see the README). */
export const DATABASE_URL_PLACEHOLDER =
  'unset: put the DATABASE_URL here, e.g. postgres://user:password@host:5432/cruddur?sslmode=verify-full';

const ROTATION_REASON =
  'Rotation would change the password but not the DATABASE_URL the stack composed from it at ' +
  'deploy time; change the password by hand and put the new URL in the URL secret (README).';

/**
 * PostgreSQL, as far as the stack is concerned: the secret holding its DATABASE_URL (the one thing
 * every program is given, as `DATABASE_URL_SECRET_ARN` or, in the container, as `DATABASE_URL`),
 * and with `-c database=rds` the instance itself.
 */
export class Database extends Construct {
  /** A plain-text secret whose value is the whole DATABASE_URL. */
  readonly urlSecret: secretsmanager.Secret;
  readonly instance?: rds.DatabaseInstance;
  /**
   * With RDS: a security group the database admits, for an operator's shell in the VPC (CloudShell
   * VPC environment) to run `pnpm db` from, as nothing outside the VPC reaches the instance.
   */
  readonly operatorAccess?: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: { config: DeploymentConfig; network: Network }) {
    super(scope, id);
    const { config, network } = props;
    const secretProps = {
      secretName: `cruddur-messages/${config.stage}/database-url`,
      removalPolicy: removalPolicy(config),
    };

    if (config.database === 'external') {
      // The value is the operator's to set (`aws secretsmanager put-secret-value`); CloudFormation
      // writes the placeholder once and never again, as long as this text stays the same.
      this.urlSecret = new secretsmanager.Secret(this, 'Url', {
        ...secretProps,
        description:
          'DATABASE_URL of the PostgreSQL server Cruddur Messages uses (set by the operator)',
        secretStringValue: SecretValue.unsafePlainText(DATABASE_URL_PLACEHOLDER),
      });
      acknowledge(this.urlSecret, {
        SMG4:
          'The value is the connection string of a server this stack does not manage: nothing here ' +
          'could rotate its password. Rotate at the server, then put the new URL in the secret.',
      });
      return;
    }

    this.instance = createInstance(this, config, network);
    this.operatorAccess = new ec2.SecurityGroup(this, 'OperatorAccess', {
      vpc: network.vpc,
      description: 'Operators shells that run database commands (pnpm db) inside the VPC',
    });
    this.allowConnectionsFrom(this.operatorAccess);

    // The programs take one URL, so the stack composes it. The password enters as a CloudFormation
    // dynamic reference, resolved by CloudFormation at deploy time: it is in neither the template
    // nor the outputs. `verify-full` checks the server's certificate against Amazon's RDS CAs.
    const credentials = this.instance.secret;
    if (!credentials) throw new Error('database: the RDS instance has no generated secret');
    const url = Fn.join('', [
      `postgres://${DATABASE_USER}:`,
      credentials.secretValueFromJson('password').unsafeUnwrap(),
      '@',
      this.instance.dbInstanceEndpointAddress,
      ':',
      this.instance.dbInstanceEndpointPort,
      `/${DATABASE_NAME}?sslmode=verify-full`,
    ]);
    this.urlSecret = new secretsmanager.Secret(this, 'Url', {
      ...secretProps,
      description: 'DATABASE_URL of the Cruddur Messages RDS instance (composed by the stack)',
      secretStringValue: SecretValue.unsafePlainText(url),
    });
    acknowledge(this.urlSecret, { SMG4: ROTATION_REASON });
  }

  /** Lets `client` open connections to the database; nothing to do for one outside the VPC. */
  allowConnectionsFrom(client: ec2.IConnectable): void {
    this.instance?.connections.allowDefaultPortFrom(client, 'PostgreSQL from the app');
  }
}

function createInstance(
  scope: Construct,
  config: DeploymentConfig,
  network: Network,
): rds.DatabaseInstance {
  const instance = new rds.DatabaseInstance(scope, 'Instance', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17 }),
    // The smallest Graviton class: the users table and LISTEN/NOTIFY are a light load.
    instanceType: ec2.InstanceType.of(
      ec2.InstanceClass.BURSTABLE4_GRAVITON,
      ec2.InstanceSize.MICRO,
    ),
    vpc: network.vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    databaseName: DATABASE_NAME,
    credentials: rds.Credentials.fromGeneratedSecret(DATABASE_USER, {
      secretName: `cruddur-messages/${config.stage}/database-credentials`,
      excludeCharacters: NOT_IN_PASSWORD,
    }),
    storageType: rds.StorageType.GP3,
    allocatedStorage: 20,
    maxAllocatedStorage: 100,
    // PostgreSQL 15 and later on RDS default to rds.force_ssl = 1: no unencrypted connections.
    storageEncrypted: true,
    backupRetention: Duration.days(7),
    deletionProtection: config.protectData,
    removalPolicy: removalPolicy(config),
    // prod keeps a standby in the second AZ (twice the price); dev does without.
    multiAz: config.protectData,
    publiclyAccessible: false,
  });
  // The instance's subtree includes the generated credentials secret.
  acknowledge(instance, {
    SMG4: ROTATION_REASON,
    RDS11:
      'A port number hides nothing once the endpoint is known; the instance sits in subnets ' +
      'without a route out and admits only the security groups of the app and of operators.',
    ...(!config.protectData && {
      RDS3: 'dev runs one instance in one AZ, at half the price of a Multi-AZ pair; prod has two.',
      RDS10: 'dev is meant to be deleted with its stack; prod has deletion protection.',
    }),
  });
  return instance;
}
