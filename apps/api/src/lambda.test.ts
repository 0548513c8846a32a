import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiFixture, type ApiFixture } from './testing/api-fixture';

let fx: ApiFixture;
let handler: (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

beforeAll(async () => {
  fx = await startApiFixture();
  // The handler reads its configuration from the environment when its container starts.
  Object.assign(process.env, {
    DATABASE_URL: fx.config.DATABASE_URL,
    DDB_TABLE_NAME: fx.config.DDB_TABLE_NAME,
    COGNITO_USER_POOL_ID: fx.config.COGNITO_USER_POOL_ID,
    COGNITO_CLIENT_ID: fx.config.COGNITO_CLIENT_ID,
    LOG_LEVEL: 'silent',
  });
  ({ handler } = await import('./lambda'));
});
afterAll(() => fx?.close());

/** An API Gateway HTTP API (payload 2.0) event for the route `ANY /trpc/{proxy+}`. */
function event(
  method: 'GET' | 'POST',
  procedure: string,
  options: { token?: string; body?: unknown; query?: string } = {},
): APIGatewayProxyEventV2 {
  const rawPath = `/trpc/${procedure}`;
  return {
    version: '2.0',
    routeKey: 'ANY /trpc/{proxy+}',
    rawPath,
    rawQueryString: options.query ?? '',
    headers: {
      host: 'api.example.com',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body ? { 'content-type': 'application/json' } : {}),
    },
    pathParameters: { proxy: procedure },
    isBase64Encoded: false,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: {
        method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: 'r1',
      routeKey: 'ANY /trpc/{proxy+}',
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: 0,
    },
  };
}

const context = { awsRequestId: 'r1', functionName: 'api' } as Context;

describe('the Lambda handler', () => {
  it('serves the same router: a query and a mutation with a real token', async () => {
    const me = await handler(
      event('GET', 'users.me', { token: fx.users.mira.accessToken }),
      context,
    );
    expect(me.statusCode).toBe(200);
    expect(JSON.parse(me.body!)).toEqual({
      result: { data: { uuid: fx.users.mira.uuid, handle: 'mira', displayName: 'Mira Okafor' } },
    });

    const created = await handler(
      event('POST', 'messages.create', {
        token: fx.users.mira.accessToken,
        body: { handle: 'tomas', message: 'from Lambda' },
      }),
      context,
    );
    expect(created.statusCode).toBe(200);
    const { messageGroupUuid } = (
      JSON.parse(created.body!) as { result: { data: { messageGroupUuid: string } } }
    ).result.data;
    const page = await fx.client(fx.users.tomas).messages.list.query({ messageGroupUuid });
    expect(page.items.map((m) => m.message)).toEqual(['from Lambda']);
  });

  it('refuses a call without a token', async () => {
    const response = await handler(event('GET', 'messageGroups.list'), context);
    expect(response.statusCode).toBe(401);
  });
});
