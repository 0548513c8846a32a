import { createApiServer, type ApiConfig } from '@cruddur/api';
import { CallRecorder, recordDynamoDbCalls, recordPostgresQueries } from './call-recorder';
import { callShape, type CallShape } from './call-timeline';
import { roundTripCalls, type ApiCall, type Scenario } from './operations';

export interface RoundTripRow extends CallShape {
  procedure: string;
  /** Whether every repetition made the same calls in the same shape. */
  stable: boolean;
}

async function send(apiUrl: string, accessToken: string, call: ApiCall): Promise<void> {
  const response = await fetch(`${apiUrl}${call.path}`, {
    method: call.method,
    headers: {
      authorization: `Bearer ${accessToken}`,
      ...(call.body ? { 'content-type': 'application/json' } : {}),
    },
    body: call.body?.(),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${call.label}: HTTP ${response.status}: ${text.slice(0, 300)}`);
}

const sameShape = (a: CallShape, b: CallShape) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The DynamoDB and PostgreSQL calls each procedure makes, counted inside an API instance started
 * in this process (its SDK client and pool are instrumented), one request at a time so that
 * every call recorded belongs to the request in flight.
 */
export async function measureRoundTrips(
  config: ApiConfig,
  accessToken: string,
  scenario: Scenario,
  repeat: number,
): Promise<RoundTripRow[]> {
  const api = await createApiServer(config, { port: 0 });
  try {
    const recorder = new CallRecorder();
    recordDynamoDbCalls(api.services.ddb.client, recorder);
    recordPostgresQueries(api.services.pool, recorder);
    const rows: RoundTripRow[] = [];
    for (const call of roundTripCalls(scenario)) {
      // The first call finds the instance's caches empty (and fetches the pool's signing keys,
      // which is not counted): it shows which of its calls run side by side.
      const cold = callShape(await recorder.during(() => send(api.url, accessToken, call)));
      rows.push({ procedure: `${call.label}, first call (caches cold)`, ...cold, stable: true });
      const shapes: CallShape[] = [];
      for (let i = 0; i < repeat; i += 1)
        shapes.push(callShape(await recorder.during(() => send(api.url, accessToken, call))));
      rows.push({
        procedure: call.label,
        ...shapes[0]!,
        stable: shapes.every((shape) => sameShape(shape, shapes[0]!)),
      });
    }
    return rows;
  } finally {
    await api.close();
  }
}
