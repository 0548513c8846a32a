import { describe, expect, it } from 'vitest';
import { callShape, type BackendCall } from './call-timeline';

const call =
  (service: BackendCall['service']) =>
  (name: string, start: number, end: number): BackendCall => ({ service, name, start, end });
const pg = call('postgres');
const ddb = call('dynamodb');

describe('callShape', () => {
  it('counts one step per call when each waits for the one before', () => {
    expect(
      callShape([ddb('Query', 5, 9), pg('SELECT users', 0, 5), ddb('GetItem', 9.5, 12)]),
    ).toEqual({
      dynamodb: 2,
      postgres: 1,
      notify: 0,
      limit: 0,
      names: ['SELECT users', 'Query', 'GetItem'],
      sequentialSteps: 3,
      maxInFlight: 1,
    });
  });

  it('sees calls that overlap as one step, and how many were in flight together', () => {
    const shape = callShape([
      pg('SELECT users', 0, 4),
      ddb('GetItem', 4, 8),
      ddb('Query', 4.5, 7),
      ddb('Query', 6, 9),
    ]);
    expect(shape.sequentialSteps).toBe(2);
    expect(shape.maxInFlight).toBe(3);
  });

  it('counts the write limit and NOTIFY apart from the users table', () => {
    const shape = callShape([
      call('limit')('INSERT api_write_limits', 0, 1),
      ddb('PutItem', 1, 3),
      call('notify')('SELECT pg_notify', 3, 4),
    ]);
    expect([shape.limit, shape.dynamodb, shape.notify, shape.postgres]).toEqual([1, 1, 1, 0]);
  });

  it('describes a request that made no call', () => {
    expect(callShape([])).toEqual({
      dynamodb: 0,
      postgres: 0,
      notify: 0,
      limit: 0,
      names: [],
      sequentialSteps: 0,
      maxInFlight: 0,
    });
  });
});
