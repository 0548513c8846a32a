import {
  awsLambdaRequestHandler,
  type CreateAWSLambdaContextOptions,
} from '@trpc/server/adapters/aws-lambda';
import { resolveDatabaseUrl } from '@cruddur/db';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { bearerToken } from './auth/bearer-token';
import { loadApiConfig } from './config';
import { logRequest } from './http/request-log';
import { retryAfterHeader } from './http/retry-after';
import { reportError } from './report-error';
import { appRouter } from './root';
import { createApiServices } from './services';
import { createApiContext, type RequestRecord } from './trpc';

// One set of services per Lambda container, reused across invocations (pools, JWKS cache). On AWS
// DATABASE_URL is read from the secret DATABASE_URL_SECRET_ARN names, once, at cold start.
await resolveDatabaseUrl(process.env);
const services = createApiServices(loadApiConfig());
const records = new WeakMap<APIGatewayProxyEventV2, RequestRecord>();

const trpc = awsLambdaRequestHandler({
  router: appRouter,
  maxBatchSize: services.config.API_MAX_BATCH_CALLS,
  responseMeta: ({ errors }) => retryAfterHeader(errors),
  createContext: ({ event, info }: CreateAWSLambdaContextOptions<APIGatewayProxyEventV2>) =>
    createApiContext(services, bearerToken(event.headers.authorization, info), records.get(event)),
  onError: ({ error, path }) => reportError(services.logger, error, path),
});

/** API Gateway HTTP API (payload 2.0) handler, routed at `/trpc/{proxy+}`. Subscriptions need the Node server. */
export async function handler(event: APIGatewayProxyEventV2, context: Context) {
  const started = performance.now();
  const record: RequestRecord = {};
  records.set(event, record);
  const result = await trpc(event, context);
  logRequest(services.logger, {
    method: event.requestContext.http.method,
    path: event.rawPath,
    status: result.statusCode ?? 200,
    durationMs: performance.now() - started,
    ...record,
  });
  return result;
}
