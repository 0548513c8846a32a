import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createPgSubscriber } from '@cruddur/live';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { bearerToken } from './auth/bearer-token';
import { type ApiConfig } from './config';
import { applyCors } from './http/cors';
import { checkHealth } from './http/healthz';
import { createFreshCaches } from './cache/fresh-caches';
import { forgetBlocks, isBlockedBetween } from './blocks';
import { otherPerson } from './live/other-person';
import { LiveHub } from './live/live-hub';
import { logRequest } from './http/request-log';
import { retryAfterHeader } from './http/retry-after';
import { reportError } from './report-error';
import { appRouter } from './root';
import { createApiServices, type ApiServices, type ApiServicesOptions } from './services';
import { createApiContext, type RequestRecord } from './trpc';

export interface ApiServer {
  url: string;
  server: Server;
  services: ApiServices;
  /** Stops accepting, ends live streams, lets requests in flight finish (up to `graceMs`), closes the pools. */
  close(): Promise<void>;
}

export interface ApiServerOptions extends ApiServicesOptions {
  /** Overrides `config.PORT`; 0 picks a free port (tests). */
  port?: number;
  /** How long in-flight requests may take to finish on close. */
  graceMs?: number;
}

const TRPC_PREFIX = '/trpc/';
/** A stream whose client does not keep up with this many events is ended (it resumes later). */
const MAX_QUEUED_EVENTS = 1_000;
const MAX_BODY_BYTES = 64 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The API on a `node:http` server: tRPC under `/trpc`, `GET /healthz`, CORS for the web origins. */
export async function createApiServer(
  config: ApiConfig,
  options: ApiServerOptions = {},
): Promise<ApiServer> {
  const services = createApiServices(config, options);
  const fresh = createFreshCaches();
  const hub = new LiveHub(
    createPgSubscriber(config.DATABASE_URL, {
      onError: (error) => services.logger.error({ err: error }, 'live: pub/sub connection'),
    }),
    {
      logger: services.logger,
      maxStreamsPerUser: config.LIVE_MAX_STREAMS_PER_USER,
      maxQueuedPerStream: MAX_QUEUED_EVENTS,
      onUserChanged: (uuid) => {
        services.caches.forgetUser(uuid);
        fresh.inbox.forget(uuid);
      },
      onDelivery: (delivery) => fresh.observe(delivery),
      onBlockChanged: (a, b) => forgetBlocks(services, a, b),
      mayReceive: async (recipient, { event }) => {
        const other = otherPerson(event);
        return (
          !other || other === recipient || !(await isBlockedBetween(services, recipient, other))
        );
      },
      onGap: () => fresh.clear(),
    },
  );
  services.hub = hub;
  services.fresh = fresh;
  await hub.start();
  const records = new WeakMap<IncomingMessage, RequestRecord>();
  const streams = new Set<ServerResponse>();

  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: TRPC_PREFIX,
    maxBodySize: MAX_BODY_BYTES,
    maxBatchSize: config.API_MAX_BATCH_CALLS,
    responseMeta: ({ errors }) => retryAfterHeader(errors),
    createContext: ({ req, info }) =>
      createApiContext(services, bearerToken(req.headers.authorization, info), records.get(req)),
    onError: ({ error, path }) => reportError(services.logger, error, path),
  });

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const record: RequestRecord = {};
    records.set(req, record);
    const path = new URL(req.url ?? '/', 'http://api').pathname;
    res.on('close', () => {
      streams.delete(res);
      logRequest(services.logger, {
        method: req.method ?? '?',
        path,
        status: res.statusCode,
        durationMs: performance.now() - started,
        ...record,
      });
    });
    if (applyCors(req, res, config.WEB_ORIGIN)) return;
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      void checkHealth(services).then((health) => sendJson(res, health.ok ? 200 : 503, health));
      return;
    }
    if (!path.startsWith(TRPC_PREFIX)) {
      sendJson(res, 404, {
        error: `no route for ${req.method} ${path}: the API is under ${TRPC_PREFIX}`,
      });
      return;
    }
    if (req.headers.accept?.includes('text/event-stream')) streams.add(res);
    trpc(req, res);
  };

  const server = createServer(
    {
      // A client that trickles its request in holds a socket and memory: it gets this long.
      requestTimeout: config.API_REQUEST_TIMEOUT_MS,
      headersTimeout: Math.min(config.API_HEADERS_TIMEOUT_MS, config.API_REQUEST_TIMEOUT_MS),
      // Node checks those timeouts this often (30 s by default, which would stretch them).
      connectionsCheckingInterval: 1_000,
    },
    handle,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.PORT, config.BIND_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Subscribers reconnect (to another instance) and resume from their last event id.
      await hub.close();
      for (const res of streams) res.destroy();
      const force = setTimeout(() => server.closeAllConnections(), options.graceMs ?? 10_000);
      await stopped;
      clearTimeout(force);
      await services.close();
    })());

  return { url: `http://localhost:${port}`, server, services, close };
}
