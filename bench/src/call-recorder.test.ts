import { describe, expect, it } from 'vitest';
import { CallRecorder, sqlName } from './call-recorder';

describe('sqlName', () => {
  it('names a query by its verb, table and first condition', () => {
    expect(sqlName('SELECT uuid, handle, display_name FROM users WHERE cognito_user_id = $1')).toBe(
      'SELECT users (cognito_user_id)',
    );
    expect(sqlName('\n  insert into public.users (uuid) values ($1)')).toBe('INSERT public.users');
    expect(sqlName('UPDATE users SET handle = $1 WHERE uuid = $2')).toBe('UPDATE users (uuid)');
    expect(sqlName('')).toBe('SQL');
  });
});

describe('CallRecorder', () => {
  it('records the calls made during a piece of work, and only those', async () => {
    const recorder = new CallRecorder();
    await recorder.track('postgres', 'before', async () => 'ignored');
    const calls = await recorder.during(async () => {
      const value = await recorder.track('dynamodb', 'GetItem', async () => 42);
      expect(value).toBe(42);
      await recorder.track('postgres', 'SELECT users', async () => undefined);
    });
    expect(calls.map((call) => [call.service, call.name])).toEqual([
      ['dynamodb', 'GetItem'],
      ['postgres', 'SELECT users'],
    ]);
    expect(calls.every((call) => call.end >= call.start)).toBe(true);
    expect(await recorder.during(async () => undefined)).toEqual([]);
  });

  it('records a call that fails, and passes the failure on', async () => {
    const recorder = new CallRecorder();
    const failing = recorder.during(() =>
      recorder.track('dynamodb', 'TransactWriteItems', () =>
        Promise.reject(new Error('cancelled')),
      ),
    );
    await expect(failing).rejects.toThrow('cancelled');
  });

  it('refuses to record two pieces of work at once', async () => {
    const recorder = new CallRecorder();
    let finish = () => {};
    const first = recorder.during(() => new Promise<void>((resolve) => (finish = resolve)));
    await expect(recorder.during(async () => undefined)).rejects.toThrow('one recording at a time');
    finish();
    await first;
  });
});
