import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { toLambdaRecord } from './to-lambda-record';

const ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026-11-25T06:10:05.638';

describe('toLambdaRecord', () => {
  it('gives a Streams API record the shape a Lambda event source delivers', () => {
    const record: _Record = {
      eventID: 'e1',
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        ApproximateCreationDateTime: new Date('2026-11-25T06:10:00.000Z'),
        Keys: { pk: { S: 'MSG#g' }, sk: { S: '2026-11-25T06:10:05.123456+00:00' } },
        NewImage: {
          pk: { S: 'MSG#g' },
          count: { N: '3' },
          blob: { B: new Uint8Array([1, 2, 255]) },
          blobs: { BS: [new Uint8Array([0])] },
          nested: {
            M: { list: { L: [{ BOOL: true }, { NULL: true }, { SS: ['a'] }, { NS: ['1'] }] } },
          },
        },
        SequenceNumber: '000000000000000000042',
        SizeBytes: 99,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    };
    const lambda = toLambdaRecord(record, ARN);
    expect(lambda).toMatchObject({
      eventID: 'e1',
      eventName: 'INSERT',
      eventSourceARN: ARN,
      awsRegion: 'us-east-1',
    });
    expect(lambda.dynamodb).toEqual({
      ApproximateCreationDateTime: Date.parse('2026-11-25T06:10:00.000Z') / 1000,
      Keys: { pk: { S: 'MSG#g' }, sk: { S: '2026-11-25T06:10:05.123456+00:00' } },
      NewImage: {
        pk: { S: 'MSG#g' },
        count: { N: '3' },
        blob: { B: 'AQL/' },
        blobs: { BS: ['AA=='] },
        nested: {
          M: { list: { L: [{ BOOL: true }, { NULL: true }, { SS: ['a'] }, { NS: ['1'] }] } },
        },
      },
      OldImage: undefined,
      SequenceNumber: '000000000000000000042',
      SizeBytes: 99,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
  });
});
