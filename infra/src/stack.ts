import { type App, CfnOutput, type Environment, Fn, Stack, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type Construct } from 'constructs';
import { Api } from './api';
import { type AppAssets } from './assets';
import { type DeploymentConfig, readDeploymentConfig } from './config';
import { Database } from './database';
import { Identity } from './identity';
import { LiveApi } from './live';
import { acknowledgeCdkInternals } from './nag';
import { Network } from './network';
import { MessagesTable } from './table';
import { Web } from './web';
import { StreamWorker } from './worker';

export interface CruddurStackProps {
  readonly config: DeploymentConfig;
  readonly assets: AppAssets;
  readonly env?: Environment;
}

/** The whole of Cruddur Messages on AWS, one stack per stage (see README.md for the picture). */
export class CruddurStack extends Stack {
  readonly network: Network;
  readonly table: MessagesTable;
  readonly database: Database;
  readonly identity: Identity;
  readonly worker: StreamWorker;
  readonly api: Api;
  readonly live: LiveApi;
  readonly web: Web;

  constructor(scope: Construct, id: string, props: CruddurStackProps) {
    super(scope, id, {
      env: props.env,
      description: `Cruddur Messages (${props.config.stage}): web app, API, stream worker, data`,
      terminationProtection: props.config.protectData,
    });
    const { config, assets } = props;

    this.network = new Network(this, 'Network', { config });
    const { network } = this;
    const placement = network.functionPlacement;
    this.table = new MessagesTable(this, 'Messages', { config });
    this.database = new Database(this, 'Database', { config, network });
    const stores = { config, table: this.table, database: this.database };

    this.identity = new Identity(this, 'Identity', {
      config,
      apiDistDir: assets.apiDist,
      database: this.database,
      placement,
    });
    this.worker = new StreamWorker(this, 'StreamWorker', {
      ...stores,
      distDir: assets.workerDist,
      placement,
    });
    this.api = new Api(this, 'Api', {
      ...stores,
      apiDistDir: assets.apiDist,
      identity: this.identity,
      placement,
    });
    this.live = new LiveApi(this, 'Live', {
      ...stores,
      imageContext: assets.liveImageContext,
      network,
      identity: this.identity,
    });
    this.web = new Web(this, 'Web', {
      config,
      webDistDir: assets.webDist,
      apiDomainName: this.api.domainName,
      liveLoadBalancer: this.live.loadBalancer,
    });

    const webUrl = `https://${this.web.distribution.distributionDomainName}`;
    const outputs: Record<string, [string, string]> = {
      WebUrl: [webUrl, 'The web app'],
      ApiUrl: [`${webUrl}/trpc`, 'The tRPC API, as the web app calls it (same origin)'],
      HttpApiUrl: [`${this.api.httpApi.apiEndpoint}/trpc`, 'The HTTP API itself (no live streams)'],
      UserPoolId: [this.identity.userPool.userPoolId, 'COGNITO_USER_POOL_ID'],
      UserPoolClientId: [this.identity.client.userPoolClientId, 'COGNITO_CLIENT_ID'],
      TableName: [this.table.table.tableName, 'DDB_TABLE_NAME'],
      DatabaseSecretArn: [this.database.urlSecret.secretArn, 'The secret holding DATABASE_URL'],
      FailedStreamRecordsQueueUrl: [this.worker.failures.queueUrl, 'Stream records set aside'],
    };
    if (this.database.operatorAccess) {
      outputs.OperatorSecurityGroupId = [
        this.database.operatorAccess.securityGroupId,
        'For a CloudShell VPC environment that runs pnpm db against RDS',
      ];
      outputs.OperatorSubnetIds = [
        network.vpc.privateSubnets.map((subnet) => subnet.subnetId).join(','),
        'Subnets with a way out (NAT), for that CloudShell environment',
      ];
    }
    for (const [id, [value, description]] of Object.entries(outputs)) {
      new CfnOutput(this, id, { value, description });
    }
    acknowledgeCdkInternals(this);
  }

  /**
   * The VPC's two AZs, named by CloudFormation at deploy time. Without this, a stack with a
   * concrete account and region (CDK_DEFAULT_ACCOUNT/REGION) would look them up in the account
   * at synth, and synth must work offline, the same way with or without credentials.
   */
  override get availabilityZones(): string[] {
    return [0, 1].map((index) => Fn.select(index, Fn.getAzs()));
  }
}

/**
 * The app's one stack for the stage the context names, checked by cdk-nag's AWS Solutions rules
 * (an unacknowledged finding stops synth). `bin/app.ts` and the tests both build it here.
 */
export function addCruddurStack(app: App, assets: AppAssets, env?: Environment): CruddurStack {
  const config = readDeploymentConfig(app.node);
  const stack = new CruddurStack(app, `CruddurMessages-${config.stage}`, { config, assets, env });
  Tags.of(stack).add('project', 'cruddur-messages');
  Tags.of(stack).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
