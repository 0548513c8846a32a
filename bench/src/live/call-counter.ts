import { type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** DynamoDB calls a client makes, by command; `reset` starts a new count. */
export function countCalls(client: DynamoDBClient) {
  let counts = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => (args) => {
      const name = context.commandName ?? 'unknown';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'benchLiveCallCounter' },
  );
  return {
    /** Reads (Query, GetItem, Scan, BatchGetItem) since the last reset. */
    reads: () =>
      [...counts].reduce((sum, [name, n]) => (/Query|Get|Scan/.test(name) ? sum + n : sum), 0),
    reset: () => {
      counts = new Map();
    },
  };
}
