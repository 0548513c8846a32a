import { join } from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { type DeploymentConfig, logRetention, removalPolicy } from './config';
import { acknowledge } from './nag';

export interface WebProps {
  readonly config: DeploymentConfig;
  /** apps/web/dist, the Vite build. */
  readonly webDistDir: string;
  /** The HTTP API's host name (api.ts) and the live tier's internal load balancer (live.ts). */
  readonly apiDomainName: string;
  readonly liveLoadBalancer: elbv2.IApplicationLoadBalancer;
}

/**
 * Which paths go to the live tier: the tRPC subscriptions, whatever else is sent with them.
 * tRPC puts the procedure in the path (`/trpc/live.events?input=…`), so the path says which
 * procedure a request is for. CloudFront matches behaviours in this order, before `/trpc/*`.
 */
const LIVE_PATHS = ['/trpc/live.*', '/trpc/messages.onNew*'] as const;
const API_PATH = '/trpc/*';

/**
 * The one origin the browser sees: the web app from S3, the API behind it on the same host (no
 * CORS, and EventSource, which cannot send headers, reaches it on the page's own origin).
 */
export class Web extends Construct {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly securityHeaders: cloudfront.ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const { config } = props;

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: removalPolicy(config),
      // dev is deleted with its stack; a bucket must be empty for that.
      autoDeleteObjects: !config.protectData,
    });
    acknowledge(this.bucket, {
      S1:
        'Only CloudFront reads the bucket (origin access control), so its access log would list ' +
        'CloudFront fetches; viewer requests belong in CloudFront logs (see CFR3).',
    });

    const region = Stack.of(this).region;
    this.securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Cruddur Messages: CSP for the SPA, HSTS, no framing',
      securityHeadersBehavior: {
        // The SPA loads only its own files (Vite emits no inline script or style), calls its own
        // origin (the API) and Amazon Cognito's regional endpoint, and is never framed.
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            `connect-src 'self' https://cognito-idp.${region}.amazonaws.com`,
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });
    const headers = this.securityHeaders;

    // Client-side routes (/messages/…) are not files: serve them index.html. Done here and not
    // with the distribution's error responses, which would apply to the API too and turn its
    // 403 and 404 answers (tRPC's FORBIDDEN, NOT_FOUND) into the app's HTML page.
    const spaRoutes = new cloudfront.Function(this, 'SpaRoutes', {
      comment: 'Paths without a file extension are client-side routes: index.html',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(
        [
          'function handler(event) {',
          '  var request = event.request;',
          "  if (!/\\.[^/]+$/.test(request.uri)) request.uri = '/index.html';",
          '  return request;',
          '}',
        ].join('\n'),
      ),
    });

    // Neither API tier is cached. Both get every viewer header (Authorization included, which
    // CloudFront forwards when caching is off) and query string (where a stream's access token
    // travels, as EventSource sends no headers), but not Host: API Gateway answers only to its own.
    const uncached = {
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
    } satisfies Partial<cloudfront.BehaviorOptions>;
    const api: cloudfront.BehaviorOptions = {
      ...uncached,
      origin: new origins.HttpOrigin(props.apiDomainName, {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      }),
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
    };
    const live: cloudfront.BehaviorOptions = {
      ...uncached,
      origin: origins.VpcOrigin.withApplicationLoadBalancer(props.liveLoadBalancer, {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
        // How long CloudFront waits for the next bytes of a response: the server pings each
        // stream every 15 s. Keep-alive reuses the connections to the load balancer.
        readTimeout: Duration.seconds(60),
        keepaliveTimeout: Duration.seconds(60),
      }),
      allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
      // A compressing proxy may hold back an event stream until it has a block worth compressing.
      compress: false,
    };

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Cruddur Messages (${config.stage})`,
      defaultRootObject: 'index.html',
      // North America and Europe edges only: the cheapest price class.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [
          { function: spaRoutes, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        ...Object.fromEntries(LIVE_PATHS.map((path) => [path, live])),
        [API_PATH]: api,
      },
    });

    acknowledge(this.distribution, {
      CFR1: 'Messaging for people anywhere: no country is to be excluded, so no geo restriction.',
      CFR2:
        'AWS WAF costs from about $5 a month plus $1 per rule; every API request is authenticated ' +
        'by the API and the HTTP API stage is throttled. Add a web ACL when abuse shows up.',
      CFR3:
        'Standard logs need a log bucket with ACLs and cost per request; both API tiers log their ' +
        'own requests. Enable them when viewer-level logs are needed (README).',
      CFR4:
        'The distribution uses the default *.cloudfront.net certificate, whose TLS policy CloudFront ' +
        'fixes; a custom domain with an ACM certificate allows TLSv1.2_2021 (README).',
    });

    this.deploySite(props.webDistDir, config);
  }

  /**
   * Vite names every file under assets/ by its content, so those are cached for a year and kept
   * after a new release (a tab still running the previous one loads its lazy chunks from there).
   * The rest (index.html, favicon) is revalidated on every load, and uploaded after the assets
   * so that a new index.html never names a chunk that is not there yet.
   */
  private deploySite(webDistDir: string, config: DeploymentConfig): void {
    const logGroup = new logs.LogGroup(this, 'DeploymentLogs', {
      retention: logRetention(config),
      removalPolicy: removalPolicy(config),
    });
    const assets = new s3deploy.BucketDeployment(this, 'Assets', {
      sources: [s3deploy.Source.asset(join(webDistDir, 'assets'))],
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'assets/',
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
      logGroup,
    });
    const shell = new s3deploy.BucketDeployment(this, 'Shell', {
      sources: [s3deploy.Source.asset(webDistDir, { exclude: ['assets', 'assets/**'] })],
      destinationBucket: this.bucket,
      cacheControl: [s3deploy.CacheControl.fromString('no-cache')],
      prune: false,
      logGroup,
    });
    shell.node.addDependency(assets);
  }
}
