import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type DeploymentConfig, logRetention, removalPolicy } from './config';
import { type FunctionPlacement } from './functions';

/**
 * The VPC, two AZs, built to need no NAT gateway unless the database lives inside it:
 *
 * - `public`: the live-stream tasks, each with a public IP for its own way out (ECR, Secrets
 *   Manager, Cognito's JWKS). That costs $3.65 a month per task instead of $32.85 or more for a
 *   NAT gateway; the tasks' security group still only admits the load balancer.
 * - `isolated`: no route out at all. The internal load balancer (CloudFront reaches it as a VPC
 *   origin) and, with `-c database=rds`, the database.
 * - `functions` (only with `-c database=rds`): the Lambda functions, which must then be in the VPC
 *   to reach the database. A function never gets a public IP, so this tier goes out through one
 *   NAT gateway (one, not one per AZ: an AZ outage there costs Cognito and Secrets Manager calls
 *   until it is back, which is cheaper to accept than a second gateway at this size).
 *
 * DynamoDB is reached through a gateway endpoint from every tier: free, and it keeps the app's
 * busiest traffic off the NAT gateway's per-GB charge.
 */
/** Written out (not left to CDK's default) so that security group rules can name it as a literal. */
export const VPC_CIDR = '10.0.0.0/16';

export class Network extends Construct {
  readonly vpc: ec2.Vpc;
  /** Where Lambda functions run; undefined when they need no VPC (the database is outside it). */
  readonly functionPlacement?: FunctionPlacement;

  constructor(scope: Construct, id: string, props: { config: DeploymentConfig }) {
    super(scope, id);
    const functionsInVpc = props.config.database === 'rds';
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(VPC_CIDR),
      maxAzs: 2,
      natGateways: functionsInVpc ? 1 : 0,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
        // Last, so that switching database modes adds or removes subnets without renumbering the others.
        ...(functionsInVpc
          ? [{ name: 'functions', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 }]
          : []),
      ],
      gatewayEndpoints: {
        DynamoDb: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
    });
    // Rejected connections only: what explains a "cannot connect", at a fraction of full flow logs.
    this.vpc.addFlowLog('Rejected', {
      trafficType: ec2.FlowLogTrafficType.REJECT,
      destination: ec2.FlowLogDestination.toCloudWatchLogs(
        new logs.LogGroup(this, 'RejectedFlows', {
          retention: logRetention(props.config),
          removalPolicy: removalPolicy(props.config),
        }),
      ),
    });
    if (functionsInVpc) {
      this.functionPlacement = {
        vpc: this.vpc,
        subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      };
    }
  }
}
