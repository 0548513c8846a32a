/** One call to a backing service, timed with `performance.now()`. */
export interface BackendCall {
  /** PostgreSQL is three services here: the users table, live delivery's NOTIFY, the write limit. */
  service: 'dynamodb' | 'postgres' | 'notify' | 'limit';
  /** The DynamoDB command (`GetItem`) or a short form of the SQL (`SELECT users (handle)`). */
  name: string;
  start: number;
  end: number;
}

export interface CallShape {
  dynamodb: number;
  postgres: number;
  notify: number;
  limit: number;
  /** Calls in the order they started. */
  names: string[];
  /**
   * Waves of calls that overlap in time: equal to the number of calls when each waits for the
   * previous one, smaller when some run concurrently. This is what the latency pays for.
   */
  sequentialSteps: number;
  /** The most calls in flight at one moment: above 1 means independent calls ran concurrently. */
  maxInFlight: number;
}

export function callShape(calls: readonly BackendCall[]): CallShape {
  const ordered = [...calls].sort((a, b) => a.start - b.start);
  let sequentialSteps = 0;
  let waveEnd = -Infinity;
  for (const call of ordered) {
    if (call.start >= waveEnd) sequentialSteps += 1;
    waveEnd = Math.max(waveEnd, call.end);
  }
  // Ends sort before starts at the same instant: a call that begins as another returns did not overlap it.
  const events = ordered
    .flatMap((call) => [
      { at: call.start, delta: 1 },
      { at: call.end, delta: -1 },
    ])
    .sort((a, b) => a.at - b.at || a.delta - b.delta);
  let inFlight = 0;
  let maxInFlight = 0;
  for (const event of events) {
    inFlight += event.delta;
    maxInFlight = Math.max(maxInFlight, inFlight);
  }
  return {
    dynamodb: ordered.filter((call) => call.service === 'dynamodb').length,
    postgres: ordered.filter((call) => call.service === 'postgres').length,
    notify: ordered.filter((call) => call.service === 'notify').length,
    limit: ordered.filter((call) => call.service === 'limit').length,
    names: ordered.map((call) => call.name),
    sequentialSteps,
    maxInFlight,
  };
}
