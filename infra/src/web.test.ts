import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { logicalIdOf, resourcesOf, synth } from './testing/synth';

interface Behavior {
  PathPattern?: string;
  TargetOriginId: string;
  AllowedMethods: string[];
  CachePolicyId: string;
  OriginRequestPolicyId?: string;
  ResponseHeadersPolicyId: unknown;
  ViewerProtocolPolicy: string;
  Compress: boolean;
  FunctionAssociations?: { EventType: string; FunctionARN: unknown }[];
}
interface Origin {
  Id: string;
  DomainName: unknown;
  S3OriginConfig?: unknown;
  OriginAccessControlId?: unknown;
  VpcOriginConfig?: Record<string, unknown>;
  CustomOriginConfig?: Record<string, unknown>;
}

describe('the web distribution', () => {
  const { stack, template, outdir } = synth();
  const [distribution] = Object.values(resourcesOf(template, 'AWS::CloudFront::Distribution'));
  const config = distribution?.Properties.DistributionConfig as {
    DefaultCacheBehavior: Behavior;
    CacheBehaviors: Behavior[];
    Origins: Origin[];
    CustomErrorResponses?: unknown;
  };
  const originOf = (behavior: Behavior) =>
    config.Origins.find((origin) => origin.Id === behavior.TargetOriginId)!;
  const headersPolicy = { Ref: logicalIdOf(stack, stack.web.securityHeaders) };
  const NO_CACHE = cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId;
  const ALL_BUT_HOST =
    cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId;

  it('sends the subscriptions to the load balancer, the rest of /trpc to the HTTP API, in that order', () => {
    expect(config.CacheBehaviors.map((behavior) => behavior.PathPattern)).toEqual([
      '/trpc/live.*',
      '/trpc/messages.onNew*',
      '/trpc/*',
    ]);
    const [live, onNew, api] = config.CacheBehaviors as [Behavior, Behavior, Behavior];
    expect(onNew.TargetOriginId).toBe(live.TargetOriginId);
    expect(originOf(live).VpcOriginConfig).toMatchObject({
      VpcOriginId: { 'Fn::GetAtt': [expect.any(String), 'Id'] },
      OriginReadTimeout: 60,
      OriginKeepaliveTimeout: 60,
    });
    expect(originOf(live).DomainName).toEqual({
      'Fn::GetAtt': [logicalIdOf(stack, stack.live.loadBalancer), 'DNSName'],
    });
    expect(originOf(api).DomainName).toEqual({
      'Fn::Join': [
        '',
        [
          { Ref: logicalIdOf(stack, stack.api.httpApi) },
          '.execute-api.',
          { Ref: 'AWS::Region' },
          '.',
          { Ref: 'AWS::URLSuffix' },
        ],
      ],
    });
    expect(originOf(api).CustomOriginConfig).toEqual({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
  });

  it('caches no API response and forwards every viewer header and query string but Host', () => {
    for (const behavior of config.CacheBehaviors) {
      expect(behavior).toMatchObject({
        CachePolicyId: NO_CACHE,
        OriginRequestPolicyId: ALL_BUT_HOST,
        ViewerProtocolPolicy: 'https-only',
        ResponseHeadersPolicyId: headersPolicy,
      });
    }
    const [live, onNew, api] = config.CacheBehaviors as [Behavior, Behavior, Behavior];
    for (const stream of [live, onNew]) {
      expect(stream.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS']);
      expect(stream.Compress).toBe(false);
    }
    expect(api.AllowedMethods).toEqual([
      'GET',
      'HEAD',
      'OPTIONS',
      'PUT',
      'PATCH',
      'POST',
      'DELETE',
    ]);
  });

  it('serves the app from the private bucket through origin access control', () => {
    const site = config.DefaultCacheBehavior;
    expect(site).toMatchObject({
      CachePolicyId: cloudfront.CachePolicy.CACHING_OPTIMIZED.cachePolicyId,
      ViewerProtocolPolicy: 'redirect-to-https',
      ResponseHeadersPolicyId: headersPolicy,
    });
    expect(originOf(site).OriginAccessControlId).toBeDefined();
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
          }),
        ]),
      },
    });
  });

  it('answers client-side routes with index.html, at the edge, and leaves API errors alone', () => {
    expect(config.CustomErrorResponses).toBeUndefined();
    const functions = Object.entries(resourcesOf(template, 'AWS::CloudFront::Function'));
    expect(functions).toHaveLength(1);
    const [functionId, spaRoutes] = functions[0]!;
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
    ]);
    expect(config.CacheBehaviors.every((behavior) => !behavior.FunctionAssociations)).toBe(true);

    // The function's own code, run here as CloudFront runs it on a viewer request.
    const handler = runInNewContext(
      `${spaRoutes.Properties.FunctionCode as string}; handler`,
    ) as (event: { request: { uri: string } }) => { uri: string };
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/messages/8e1d7bde-6b4c-4b8c-9d3f-0a3a1b0f6c11')).toBe('/index.html');
    expect(rewrite('/messages/new/mira')).toBe('/index.html');
    expect(rewrite('/assets/index-abc123.js')).toBe('/assets/index-abc123.js');
    expect(rewrite('/favicon.svg')).toBe('/favicon.svg');
  });

  it('sends a CSP for the SPA and Cognito, HSTS, and refuses framing', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: {
            ContentSecurityPolicy: {
              'Fn::Join': [
                '',
                [
                  Match.stringLikeRegexp(
                    "^default-src 'self'; script-src 'self'; .*connect-src 'self' https://cognito-idp\\.$",
                  ),
                  { Ref: 'AWS::Region' },
                  Match.stringLikeRegexp("^\\.amazonaws\\.com; .*frame-ancestors 'none'$"),
                ],
              ],
            },
            Override: true,
          },
          StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true },
          FrameOptions: { FrameOption: 'DENY' },
          ContentTypeOptions: { Override: true },
        },
      },
    });
  });

  it('uploads hashed assets cached for a year and kept, then the shell revalidated each time', () => {
    const deployments = resourcesOf(template, 'Custom::CDKBucketDeployment');
    const [assetsId, assets] = Object.entries(deployments).find(
      ([, { Properties }]) => Properties.DestinationBucketKeyPrefix === 'assets/',
    )!;
    const [, shell] = Object.entries(deployments).find(([id]) => id !== assetsId)!;
    expect(assets.Properties).toMatchObject({
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(shell.Properties).toMatchObject({
      Prune: false,
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    expect(shell.DependsOn).toContain(assetsId);

    // The shell's staged folder holds the root files only.
    const staged = readdirSync(outdir)
      .map((name) => join(outdir, name))
      .find((dir) => existsSync(join(dir, 'index.html')))!;
    expect(readdirSync(staged).sort()).toEqual(['favicon.svg', 'index.html']);
  });
});
