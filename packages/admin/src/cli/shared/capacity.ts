import { type DdbContext } from '@cruddur/ddb';

/** The read/write commands DynamoDB can report consumed capacity for (others reject the parameter). */
const METERED = new Set([
  'QueryCommand',
  'ScanCommand',
  'GetItemCommand',
  'PutItemCommand',
  'TransactWriteItemsCommand',
]);

interface CapacityUnits {
  CapacityUnits?: number;
}

export interface CapacityMeter {
  /** Capacity units consumed by the metered commands sent since the meter was attached. */
  readonly units: number;
}

/**
 * Asks DynamoDB for the consumed capacity of every metered command sent through `ctx` and adds it
 * up, so the pattern commands can show what a pattern costs without changing the library's API.
 */
export function meterCapacity(ctx: DdbContext): CapacityMeter {
  const meter = { units: 0 };
  ctx.client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!METERED.has(context.commandName ?? '')) return next(args);
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: CapacityUnits | CapacityUnits[] })
        .ConsumedCapacity;
      for (const entry of [consumed ?? []].flat()) meter.units += entry.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name: 'meterConsumedCapacity' },
  );
  return meter;
}
