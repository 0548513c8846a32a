import { nowMicros, timestampFromMicros } from '@cruddur/ddb';
import { type LiveEvent } from '@cruddur/live';
import { tracked, TRPCError, type TrackedEnvelope } from '@trpc/server';
import { toTRPCError } from '../errors';
import { type ApiServices } from '../services';
import { EventIds } from './event-id';
import { LiveUnavailableError, TooManyStreamsError } from './live-hub';
import { type EndReason } from './live-stream';

/** Who opens the stream: the context of a signed-in procedure. */
export interface StreamCaller {
  services: ApiServices;
  user: { uuid: string };
  /** The Cognito user behind the token, whose account is checked again while the stream lasts. */
  sub: string;
  /** The access token's expiry (epoch ms): the stream ends then, and the client renews and resumes. */
  tokenExpiresAt: number;
}

export interface StreamRequest {
  lastEventId: string | null | undefined;
  signal: AbortSignal | undefined;
  accept?: (event: LiveEvent) => boolean;
  /** What was missed since `after` (an event id), read from DynamoDB. */
  catchUp: (after: string) => Promise<LiveEvent[]>;
  /** What a stream opened without a last event id starts with. */
  initial?: () => Promise<LiveEvent[]>;
  /** Send a `ready` event once caught up, so that even a quiet stream has an id to resume from. */
  announceReady?: boolean;
}

/**
 * The body of a live subscription: register with the hub first (so nothing published from now
 * on is missed), deliver what was missed before, then what the hub hands over, each event with
 * an id to resume from. Replayed events carry the last event id and `ready` the instant the
 * catch-up began: a reconnect in the middle replays it all again (the stream and the client
 * skip what they have), a reconnect after it misses nothing.
 */
export async function* serveStream(
  caller: StreamCaller,
  request: StreamRequest,
): AsyncGenerator<TrackedEnvelope<LiveEvent>, void> {
  const { services } = caller;
  if (!services.hub)
    throw new TRPCError({
      code: 'METHOD_NOT_SUPPORTED',
      message: 'this server has no live streams',
    });
  const stream = openStream(services, caller.user.uuid, request);
  stream.endAt(caller.tokenExpiresAt, { kind: 'expired' });
  const recheck = setInterval(() => {
    void services.checkAccount(caller.sub).then((status) => {
      if (status !== 'active') stream.end({ kind: 'revoked', status });
    });
  }, services.config.ACCOUNT_CHECK_INTERVAL_MS);
  const signal = request.signal ?? new AbortController().signal;
  let ended: EndReason;
  try {
    const began = timestampFromMicros(nowMicros());
    const missed = request.lastEventId
      ? await request.catchUp(request.lastEventId)
      : ((await request.initial?.()) ?? []);
    const replayed = missed.filter(
      (event) => (!request.accept || request.accept(event)) && stream.markDelivered(event),
    );
    const ids = new EventIds(began);
    for (const event of replayed) yield tracked(request.lastEventId ?? began, event);
    if (request.announceReady) yield tracked(began, { type: 'ready' });

    const events = stream.events(signal);
    for (;;) {
      const next = await events.next();
      if (next.done) {
        ended = next.value;
        break;
      }
      yield tracked(ids.next(), next.value);
    }
  } catch (error) {
    // Errors raised while streaming bypass the procedure middleware: shaped and logged here.
    const shaped = toTRPCError(error);
    if (shaped.code === 'INTERNAL_SERVER_ERROR' || shaped.code === 'SERVICE_UNAVAILABLE')
      services.logger.error({ err: error, userUuid: caller.user.uuid }, 'live stream failed');
    throw shaped;
  } finally {
    clearInterval(recheck);
    stream.end({ kind: 'closed' });
  }
  endWith(ended);
}

function openStream(services: ApiServices, userUuid: string, request: StreamRequest) {
  try {
    return services.hub!.open(userUuid, { accept: request.accept });
  } catch (error) {
    if (error instanceof TooManyStreamsError)
      throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: error.message });
    if (error instanceof LiveUnavailableError)
      throw new TRPCError({
        code: 'SERVICE_UNAVAILABLE',
        message: `${error.message}: retry shortly`,
      });
    throw error;
  }
}

/**
 * How a stream that the server ended tells its client: with a code tRPC's client retries by
 * itself (it reconnects with the last event id), or — for an expired token — one it does not,
 * so that the app renews the token first.
 */
function endWith(reason: EndReason): void {
  switch (reason.kind) {
    case 'closed':
      return;
    case 'expired':
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: 'the access token expired: renew it and reconnect with the last event id',
      });
    case 'revoked':
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: `this account has been ${reason.status}: sign in again or contact support`,
      });
    case 'slow':
      throw new TRPCError({
        code: 'SERVICE_UNAVAILABLE',
        message: 'this stream fell too far behind: reconnect with the last event id',
      });
    case 'reconnect':
      throw new TRPCError({
        code: 'SERVICE_UNAVAILABLE',
        message: `${reason.why}: reconnect with the last event id`,
      });
  }
}
