import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, type Duration } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type DeploymentConfig, logRetention, removalPolicy } from './config';
import { NODE_RUNTIME_ENVIRONMENT } from './environment';
import { acknowledge, NODE_22_REASON } from './nag';
import { functionPlatformStatements } from './permissions';

/** The Amazon CA certificates (RDS included) that Lambda's Node.js runtimes ship but do not load. */
const LAMBDA_AMAZON_CA_BUNDLE = '/var/runtime/ca-cert.pem';

/** Where a function that must reach the database runs (see network.ts). */
export interface FunctionPlacement {
  readonly vpc: ec2.IVpc;
  readonly subnets: ec2.SubnetSelection;
}

export interface BundledFunctionProps {
  readonly config: DeploymentConfig;
  readonly description: string;
  /** An app's esbuild output folder (apps/<app>/dist) and the bundle in it, e.g. `handler.mjs`. */
  readonly distDir: string;
  readonly bundle: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment: Record<string, string>;
  /** The program's own permissions (from permissions.ts); logs and VPC access are added here. */
  readonly statements: iam.PolicyStatement[];
  readonly placement?: FunctionPlacement;
}

/**
 * One of the app's Node.js programs as a Lambda function: the esbuild bundle `pnpm build` made,
 * on Node 22 and Graviton (arm64: about 20 % cheaper per GB-second than x86 for the same work),
 * with its own role holding exactly the statements it is given, and its own log group.
 */
export class BundledFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logRetention(props.config),
      removalPolicy: removalPolicy(props.config),
    });
    // A role of our own: the one Lambda would create carries AWS managed policies broader than this.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (${props.config.stage})`,
    });
    for (const statement of [
      ...props.statements,
      ...functionPlatformStatements(logGroup.logGroupArn, props.placement !== undefined),
    ]) {
      this.role.addToPolicy(statement);
    }

    // Only the bundle and its source map: a change to another program's bundle in the same dist
    // folder neither grows this function's package nor redeploys it.
    const code = lambda.Code.fromAsset(props.distDir, {
      exclude: ['*', `!${props.bundle}`, `!${props.bundle}.map`],
    });
    if (!existsSync(join(props.distDir, props.bundle))) {
      // Synth goes on (the asset is the folder), but a deploy would ship a function without code.
      Annotations.of(this).addWarningV2(
        'cruddur:missing-bundle',
        `${join(props.distDir, props.bundle)} does not exist: run \`pnpm build\` before deploying`,
      );
    }

    this.function = new lambda.Function(this, 'Function', {
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      code,
      handler: `${props.bundle.replace(/\.mjs$/, '')}.handler`,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup,
      environment: {
        ...props.environment,
        ...NODE_RUNTIME_ENVIRONMENT,
        // Every function here talks to PostgreSQL over TLS, and an RDS server's certificate chains
        // to Amazon's RDS CAs, which Node trusts only with this bundle of the Lambda runtime.
        NODE_EXTRA_CA_CERTS: LAMBDA_AMAZON_CA_BUNDLE,
      },
      ...(props.placement && { vpc: props.placement.vpc, vpcSubnets: props.placement.subnets }),
    });
    acknowledge(this.function, { L1: NODE_22_REASON });
    if (props.placement) {
      acknowledge(this.role, {
        'IAM5[Resource::*]':
          'Lambda manages the network interfaces of a function in a VPC with EC2 actions that take ' +
          'no resource-level restriction (the actions of AWSLambdaVPCAccessExecutionRole).',
      });
    }
  }
}
