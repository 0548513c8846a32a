import { Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type DeploymentConfig, logRetention, removalPolicy } from './config';
import { type Database } from './database';
import { apiEnvironment } from './environment';
import { BundledFunction, type FunctionPlacement } from './functions';
import { type Identity } from './identity';
import { acknowledge } from './nag';
import { programStatements } from './permissions';
import { type MessagesTable } from './table';

export interface ApiProps {
  readonly config: DeploymentConfig;
  readonly apiDistDir: string;
  readonly table: MessagesTable;
  readonly database: Database;
  readonly identity: Identity;
  readonly placement?: FunctionPlacement;
}

/** The stage's ceiling against a runaway client or a flood; raise it with real traffic. */
const API_THROTTLE = { rateLimit: 200, burstLimit: 400 } as const;

/**
 * The request/response half of the API (queries and mutations): the tRPC router as a Lambda
 * function behind an API Gateway HTTP API, route `ANY /trpc/{proxy+}`, payload format 2.0 (what
 * the `awsLambdaRequestHandler` of apps/api/src/lambda.ts is written for). Subscriptions are
 * served by the live tier instead (live.ts); CloudFront sends each path to its tier.
 *
 * Why an HTTP API rather than a function URL: CloudFront can reach a function URL privately only
 * through origin access control, and with it every POST body must be signed by the browser
 * (`x-amz-content-sha256`) — which a tRPC client does not do; a public function URL would be
 * reachable around CloudFront without throttling or access logs. An HTTP API costs $1 per
 * million requests and gives both.
 */
export class Api extends Construct {
  readonly function: BundledFunction;
  readonly httpApi: apigw.HttpApi;
  /** The HTTP API's host name, for CloudFront's origin. */
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { config, table, database, identity } = props;

    this.function = new BundledFunction(this, 'Handler', {
      config,
      description: 'Cruddur Messages API (tRPC queries and mutations)',
      distDir: props.apiDistDir,
      bundle: 'lambda.mjs',
      // Requests wait on it: 512 MB buys the CPU that JWT verification and a cold start want.
      memorySize: 512,
      // Below API Gateway's own 30 s, so a stuck request ends as the function's error, logged.
      timeout: Duration.seconds(15),
      environment: apiEnvironment({
        config,
        table,
        database,
        userPoolId: identity.userPool.userPoolId,
        clientId: identity.client.userPoolClientId,
      }),
      statements: programStatements('api', {
        tableArn: table.table.tableArn,
        indexArn: table.indexArn,
        databaseSecretArn: database.urlSecret.secretArn,
        userPoolArn: identity.userPool.userPoolArn,
      }),
      placement: props.placement,
    });
    database.allowConnectionsFrom(this.function.function);

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `cruddur-messages-${config.stage}`,
      description: 'Cruddur Messages tRPC API (request/response)',
      createDefaultStage: false,
    });
    this.httpApi.addRoutes({
      path: '/trpc/{proxy+}',
      methods: [apigw.HttpMethod.ANY],
      integration: new HttpLambdaIntegration('Trpc', this.function.function, {
        payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
      }),
    });
    acknowledge(this.httpApi, {
      APIG4:
        'The API verifies the Cognito access token itself for every procedure but the public ' +
        'auth.config (apps/api/src/auth); a gateway JWT authorizer would refuse auth.config.',
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logRetention(config),
      removalPolicy: removalPolicy(config),
    });
    this.httpApi.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      // What the function never sees (throttling, integration timeouts); paths only, no query.
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    const { region, urlSuffix } = Stack.of(this);
    this.domainName = `${this.httpApi.apiId}.execute-api.${region}.${urlSuffix}`;
  }
}
