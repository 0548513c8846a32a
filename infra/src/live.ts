import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type DeploymentConfig, logRetention, removalPolicy } from './config';
import { type Database } from './database';
import {
  apiEnvironment,
  LIVE_SERVER_ENVIRONMENT,
  LIVE_SERVER_PORT,
  NODE_RUNTIME_ENVIRONMENT,
} from './environment';
import { type Identity } from './identity';
import { type Network, VPC_CIDR } from './network';
import { acknowledge } from './nag';
import { programStatements } from './permissions';
import { type MessagesTable } from './table';

export interface LiveApiProps {
  readonly config: DeploymentConfig;
  /** A Docker build context holding the Dockerfile and the server bundle (see assets.ts). */
  readonly imageContext: string;
  readonly network: Network;
  readonly table: MessagesTable;
  readonly database: Database;
  readonly identity: Identity;
}

/**
 * The server pings every open stream every 15 s, so no stream is ever idle this long; the margin
 * covers a few missed pings (a paused event loop) before the load balancer cuts the connection.
 */
const LOAD_BALANCER_IDLE_TIMEOUT = Duration.seconds(120);

/**
 * The streaming half of the API: apps/api's Node server (`dist/server.mjs`) in Fargate, for the
 * tRPC subscriptions (`live.events`, `messages.onNew`) — one long-lived SSE response per browser
 * tab, which a Lambda function would bill for every second it stays open, and cut at its
 * 15-minute limit anyway. One small task holds a thousand or more mostly idle streams for a fixed
 * price. The load balancer is internal: only CloudFront, through its VPC origin, talks to it.
 */
export class LiveApi extends Construct {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly service: ecs.FargateService;
  readonly taskRole: iam.Role;

  constructor(scope: Construct, id: string, props: LiveApiProps) {
    super(scope, id);
    const { config, network, table, database, identity } = props;
    const { vpc } = network;

    this.taskRole = new iam.Role(this, 'TaskRole', {
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
      description: `Cruddur Messages live API task (${config.stage})`,
    });
    for (const statement of programStatements('api', {
      tableArn: table.table.tableArn,
      indexArn: table.indexArn,
      databaseSecretArn: database.urlSecret.secretArn,
      userPoolArn: identity.userPool.userPoolArn,
    })) {
      this.taskRole.addToPolicy(statement);
    }

    // The smallest Fargate size: the server is I/O bound, and an idle stream costs a little memory.
    const task = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: 256,
      memoryLimitMiB: 512,
      runtimePlatform: {
        cpuArchitecture: ecs.CpuArchitecture.ARM64,
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
      },
      taskRole: this.taskRole,
    });
    task.addContainer('Api', {
      image: ecs.ContainerImage.fromAsset(props.imageContext, { platform: Platform.LINUX_ARM64 }),
      environment: {
        ...apiEnvironment({
          config,
          table,
          database,
          userPoolId: identity.userPool.userPoolId,
          clientId: identity.client.userPoolClientId,
        }),
        ...LIVE_SERVER_ENVIRONMENT,
        ...NODE_RUNTIME_ENVIRONMENT,
      },
      // A container can be handed the secret itself; ECS reads it with the execution role at start.
      secrets: { DATABASE_URL: ecs.Secret.fromSecretsManager(database.urlSecret) },
      portMappings: [{ containerPort: LIVE_SERVER_PORT }],
      readonlyRootFilesystem: true,
      // The server drains for up to 10 s after SIGTERM (live streams end, clients reconnect).
      stopTimeout: Duration.seconds(15),
      logging: ecs.LogDrivers.awsLogs({
        streamPrefix: 'live',
        logGroup: new logs.LogGroup(this, 'Logs', {
          retention: logRetention(config),
          removalPolicy: removalPolicy(config),
        }),
      }),
    });

    acknowledge(task, {
      ECS2:
        'The environment holds configuration only (table name, pool and client ids, the secret ' +
        'ARN, port); DATABASE_URL itself is injected from Secrets Manager as an ECS secret.',
    });
    if (task.executionRole) {
      acknowledge(task.executionRole, {
        'IAM5[Resource::*]':
          'CDK-managed execution role: ecr:GetAuthorizationToken has no resource-level ' +
          'permissions; the image pull and the secret read name their repository and secret.',
      });
    }

    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc,
      containerInsightsV2: ecs.ContainerInsights.DISABLED,
    });
    acknowledge(cluster, {
      ECS4:
        'Container Insights bills custom metrics for every task and service; one small service ' +
        'is watched well enough by the load balancer metrics and the server logs.',
    });
    const serviceSecurityGroup = new ec2.SecurityGroup(this, 'ServiceSecurityGroup', {
      vpc,
      description: 'Cruddur Messages live API tasks: the load balancer in, anything out',
    });
    this.service = new ecs.FargateService(this, 'Service', {
      cluster,
      taskDefinition: task,
      desiredCount: config.liveTasks,
      // Public subnets and a public IP are the tasks' way out without a NAT gateway (network.ts);
      // the security group admits nothing but the load balancer.
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      assignPublicIp: true,
      securityGroups: [serviceSecurityGroup],
      circuitBreaker: { rollback: true },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      healthCheckGracePeriod: Duration.seconds(30),
    });
    database.allowConnectionsFrom(this.service);

    const loadBalancerSecurityGroup = new ec2.SecurityGroup(this, 'LoadBalancerSecurityGroup', {
      vpc,
      description: 'Cruddur Messages live API load balancer: HTTP from inside the VPC only',
      allowAllOutbound: false,
    });
    // CloudFront's VPC origin enters through network interfaces it places in this VPC, so the VPC
    // range is the narrowest rule that admits it without a lookup (and nothing outside reaches an
    // internal load balancer anyway).
    loadBalancerSecurityGroup.addIngressRule(
      ec2.Peer.ipv4(VPC_CIDR),
      ec2.Port.tcp(80),
      'CloudFront VPC origin',
    );
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: false,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroup: loadBalancerSecurityGroup,
      idleTimeout: LOAD_BALANCER_IDLE_TIMEOUT,
      dropInvalidHeaderFields: true,
    });
    acknowledge(this.loadBalancer, {
      ELB2:
        'Access logs need a bucket policy naming the region ELB account, unknown to an ' +
        'environment-agnostic template; CloudFront sees each request first and the server logs ' +
        'one JSON line per request.',
    });
    const listener = this.loadBalancer.addListener('Http', {
      port: 80,
      protocol: elbv2.ApplicationProtocol.HTTP,
      open: false,
    });
    listener.addTargets('Tasks', {
      port: LIVE_SERVER_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targets: [this.service],
      // A stream counts as an outstanding request for as long as it is open, so new streams go
      // to the task holding the fewest; round robin would ignore that a task restarted a minute
      // ago holds none and its neighbour all of them.
      loadBalancingAlgorithmType:
        elbv2.TargetGroupLoadBalancingAlgorithmType.LEAST_OUTSTANDING_REQUESTS,
      // Streams never finish by themselves; 30 s lets short requests end before the task is told
      // to stop, and the server then ends its streams so that clients reconnect to another task.
      deregistrationDelay: Duration.seconds(30),
      healthCheck: {
        path: '/healthz',
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    });
  }
}
