import { type Delivery, type LiveSubscriber } from '@cruddur/live';
import { type Logger } from '../logger';
import { LiveStream, type LiveStreamOptions } from './live-stream';

export interface LiveHubOptions {
  logger: Logger;
  /** Open streams one person may have on this instance (a tab holds one). */
  maxStreamsPerUser: number;
  /** Queued events per stream before it is ended as too slow. */
  maxQueuedPerStream: number;
  /** A users row changed or went: forget what is cached about it. */
  onUserChanged?: (userUuid: string) => void;
  /** A block between two people was made or lifted: forget what is cached about the pair. */
  onBlockChanged?: (blockerUuid: string, blockedUuid: string) => void;
  /** Every delivery, whoever it is for (caches that live events keep fresh). */
  onDelivery?: (delivery: Delivery) => void;
  /** Deliveries may have been missed (the pub/sub connection came back). */
  onGap?: () => void;
  /** May this delivery's event reach this recipient? (Blocks keep some away.) */
  mayReceive?: (recipientUuid: string, delivery: Delivery) => Promise<boolean>;
}

/** Too many streams for one person on this instance. */
export class TooManyStreamsError extends Error {
  override readonly name = 'TooManyStreamsError';
  constructor(readonly limit: number) {
    super(`at most ${limit} live streams per person: close another tab or window`);
  }
}

/** The hub is not listening to the pub/sub engine (yet, or any more): a stream would miss events. */
export class LiveUnavailableError extends Error {
  override readonly name = 'LiveUnavailableError';
  constructor() {
    super('live delivery is not available right now');
  }
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 10_000;

/**
 * One instance's side of live delivery: it listens to the pub/sub engine once, and hands each
 * delivery to the streams open here for its recipients. Nothing is polled, so an idle stream
 * costs nothing but its socket. When listening was interrupted, every stream is ended so that
 * its client reconnects and catches up from DynamoDB.
 */
export class LiveHub {
  readonly #streams = new Map<string, Set<LiveStream>>();
  #listening = false;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;
  readonly #unsubscribe: (() => void)[];
  /** Deliveries are handed over one after another, in the order they came, whatever they wait for. */
  #handing: Promise<void> = Promise.resolve();

  constructor(
    private readonly subscriber: LiveSubscriber,
    private readonly options: LiveHubOptions,
  ) {
    this.#unsubscribe = [
      subscriber.onDelivery((delivery) => {
        options.onDelivery?.(delivery);
        this.#handing = this.#handing
          .then(() => this.#dispatch(delivery))
          .catch((error: unknown) => options.logger.error({ err: error }, 'live: delivery failed'));
      }),
      subscriber.onUserChanged((uuid) => {
        options.onUserChanged?.(uuid);
        this.#endUser(uuid, 'your account changed');
      }),
      subscriber.onBlockChanged((a, b) => options.onBlockChanged?.(a, b)),
      subscriber.onGap(() => {
        options.logger.warn('live: pub/sub connection was lost and is back; streams resume');
        options.onGap?.();
        this.#endAll('live delivery was interrupted');
      }),
    ];
  }

  /** Starts listening, retrying in the background until it works; resolves at the first try. */
  start(): Promise<void> {
    return this.#listen(RETRY_MIN_MS);
  }

  async #listen(delayMs: number): Promise<void> {
    if (this.#closed) return;
    try {
      await this.subscriber.start();
      this.#listening = true;
    } catch (error) {
      this.options.logger.error(
        { err: error },
        `live: cannot listen to the pub/sub engine, trying again in ${delayMs} ms`,
      );
      this.#retry = setTimeout(
        () => void this.#listen(Math.min(delayMs * 2, RETRY_MAX_MS)),
        delayMs,
      );
    }
  }

  get listening(): boolean {
    return this.#listening;
  }

  /** Open streams on this instance. */
  get size(): number {
    let n = 0;
    for (const set of this.#streams.values()) n += set.size;
    return n;
  }

  open(userUuid: string, options: Omit<LiveStreamOptions, 'maxQueued'> = {}): LiveStream {
    if (!this.#listening || this.#closed) throw new LiveUnavailableError();
    const streams = this.#streams.get(userUuid) ?? new Set<LiveStream>();
    if (streams.size >= this.options.maxStreamsPerUser)
      throw new TooManyStreamsError(this.options.maxStreamsPerUser);
    const stream = new LiveStream(userUuid, {
      ...options,
      maxQueued: this.options.maxQueuedPerStream,
      onEnd: () => {
        streams.delete(stream);
        if (streams.size === 0) this.#streams.delete(userUuid);
        options.onEnd?.();
      },
    });
    streams.add(stream);
    this.#streams.set(userUuid, streams);
    return stream;
  }

  async #dispatch(delivery: Delivery): Promise<void> {
    for (const recipient of delivery.to) {
      if (!this.#streams.has(recipient)) continue;
      if (this.options.mayReceive && !(await this.options.mayReceive(recipient, delivery)))
        continue;
      for (const stream of this.#streams.get(recipient) ?? []) stream.push(delivery.event);
    }
  }

  #endUser(userUuid: string, why: string): void {
    for (const stream of [...(this.#streams.get(userUuid) ?? [])])
      stream.end({ kind: 'reconnect', why });
  }

  #endAll(why: string): void {
    for (const streams of [...this.#streams.values()])
      for (const stream of [...streams]) stream.end({ kind: 'reconnect', why });
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    this.#endAll('this server is shutting down');
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    await this.subscriber.close();
  }
}
