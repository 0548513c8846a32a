import { type Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as cr from 'aws-cdk-lib/custom-resources';
import { rules } from 'cdk-nag';
import { type IConstruct } from 'constructs';

/**
 * Acknowledges AWS Solutions (cdk-nag) findings on `scope` and everything under it, each with the
 * reason it is accepted; `rule` is the id without its pack prefix (`L1`, `IAM5[Resource::*]`).
 * Every acknowledgement in the app goes through here, next to the resource it concerns.
 */
export function acknowledge(scope: IConstruct, findings: Record<string, string>): void {
  for (const [rule, reason] of Object.entries(findings)) {
    Validations.of(scope).acknowledge({ id: `AwsSolutions-${rule}`, reason });
  }
}

/** Node 22, the runtime every bundle of the app is built for. */
export const NODE_22_REASON =
  'The bundles are built and tested for Node.js 22 (NODE_TARGET of @cruddur/esbuild-config), a ' +
  'supported Lambda runtime until April 2027; moving to nodejs24.x is a change of build target.';

const LAMBDA_BASIC_EXECUTION_ROLE =
  'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';

/**
 * The wildcards nag finds in a policy CDK wrote, acknowledged one by one, except a bare `*`
 * resource: that would be new and worth a look, so it stays reported.
 */
function acknowledgeCdkWildcards(role: IConstruct, reason: string): void {
  for (const policy of role.node.findAll().filter((node) => node instanceof iam.CfnPolicy)) {
    const findings = rules.iam.IAMNoWildcardPermissions(policy);
    if (!Array.isArray(findings)) continue;
    acknowledge(
      policy,
      Object.fromEntries(
        findings
          .filter((finding) => finding !== 'Resource::*')
          .map((finding) => [`IAM5[${finding}]`, reason]),
      ),
    );
  }
}

/**
 * The functions CDK adds to the stack itself, as singletons at its root: their roles and runtimes
 * are CDK's choice, not this app's, and they run only while CloudFormation deploys.
 */
export function acknowledgeCdkInternals(stack: Stack): void {
  const markerProvider = stack.node.tryFindChild(
    `AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`,
  );
  if (markerProvider) {
    acknowledge(markerProvider, {
      [LAMBDA_BASIC_EXECUTION_ROLE]:
        'CDK AwsCustomResource provider: logs through the AWS managed basic execution policy; it ' +
        'runs once, when the table is created, to write the new-table marker item.',
    });
  }
  for (const deployment of stack.node.children.filter((child) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  )) {
    acknowledge(deployment, {
      [LAMBDA_BASIC_EXECUTION_ROLE]:
        'CDK BucketDeployment handler: logs through the AWS managed basic execution policy; it ' +
        'runs only while CloudFormation deploys the site.',
      L1:
        'CDK BucketDeployment handler: CDK pins its Python runtime together with the AWS CLI ' +
        'layer it ships; it runs only during deployments.',
    });
    acknowledgeCdkWildcards(
      deployment,
      'CDK BucketDeployment handler: copies the site from the CDK assets bucket into the site ' +
        'bucket; the S3 action and object wildcards are its grant, limited to those two buckets.',
    );
  }
}
