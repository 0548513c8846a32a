import { describe, expect, it } from 'vitest';
import { logicalIdOf, resourcesOf, synth } from './testing/synth';

describe('the request/response API', () => {
  const { stack, template } = synth();
  const apiId = logicalIdOf(stack, stack.api.httpApi);

  it('is an HTTP API whose one route sends /trpc/* to the function, payload format 2.0', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    const routes = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route'));
    expect(routes.map(({ Properties }) => Properties.RouteKey)).toEqual(['ANY /trpc/{proxy+}']);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      ApiId: { Ref: apiId },
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: {
        'Fn::GetAtt': [logicalIdOf(stack, stack.api.function.function), 'Arn'],
      },
    });
  });

  it('deploys to $default, throttled, with access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      ApiId: { Ref: apiId },
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
    });
    const [stage] = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Stage'));
    const { Format } = stage?.Properties.AccessLogSettings as { Format: string };
    // Paths only: a query string may hold an access token.
    expect(JSON.parse(Format)).toMatchObject({ path: '$context.path', status: '$context.status' });
    expect(Format).not.toContain('querystring');
  });

  it('lets API Gateway, and only it, invoke the function', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [logicalIdOf(stack, stack.api.function.function), 'Arn'] },
      Principal: 'apigateway.amazonaws.com',
    });
  });
});
