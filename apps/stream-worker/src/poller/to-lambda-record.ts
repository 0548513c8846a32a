import type { _Record, AttributeValue } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, AttributeValue as LambdaAttributeValue } from 'aws-lambda';

type Image = Record<string, AttributeValue>;
type LambdaImage = Record<string, LambdaAttributeValue>;

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

// Lambda delivers binary values base64-encoded where the SDK hands out bytes; the rest is identical.
function toLambdaValue(value: AttributeValue): LambdaAttributeValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  if (value.M !== undefined) return { M: toLambdaImage(value.M) };
  throw new Error(`unknown DynamoDB attribute type ${Object.keys(value).join(', ')}`);
}

function toLambdaImage(image: Image): LambdaImage;
function toLambdaImage(image: Image | undefined): LambdaImage | undefined;
function toLambdaImage(image: Image | undefined): LambdaImage | undefined {
  return (
    image &&
    Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaValue(value)]))
  );
}

/**
 * A record read with the Streams API, in the shape a Lambda event source delivers it, so that the
 * poller and the Lambda handler run the very same code on it.
 */
export function toLambdaRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const change = record.dynamodb;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    ...(record.userIdentity ? { userIdentity: record.userIdentity } : {}),
    dynamodb: change && {
      // Lambda carries epoch seconds where the SDK parses a Date.
      ApproximateCreationDateTime:
        change.ApproximateCreationDateTime && change.ApproximateCreationDateTime.getTime() / 1000,
      Keys: toLambdaImage(change.Keys),
      NewImage: toLambdaImage(change.NewImage),
      OldImage: toLambdaImage(change.OldImage),
      SequenceNumber: change.SequenceNumber,
      SizeBytes: change.SizeBytes,
      StreamViewType: change.StreamViewType,
    },
  };
}
