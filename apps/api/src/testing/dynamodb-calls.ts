import { type ApiServer } from '../http-server';

/** Counts the DynamoDB calls an instance makes from now on, until `stop`. */
export function countDynamoDbCalls(instance: ApiServer) {
  const name = `countCalls${Math.random().toString(36).slice(2)}`;
  const counter = { calls: 0, stop: () => void stack.remove(name) };
  const stack = instance.services.ddb.client.middlewareStack;
  stack.add(
    (next) => (args) => {
      counter.calls += 1;
      return next(args);
    },
    { step: 'initialize', name },
  );
  return counter;
}
