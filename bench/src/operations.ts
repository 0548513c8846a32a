import { type ApiServices } from '@cruddur/api';
import { messageIdClock } from '@cruddur/validators';
import {
  createMessageBefore,
  listGroupsBefore,
  listMessagesBefore,
} from './baseline/before-this-round';

// Ids carry their time, as the web app's do: the API then stores a message with one PutItem.
const nextMessageId = messageIdClock();

/** One tRPC call as raw HTTP (tRPC v11, no transformer): a query is a GET, a mutation a JSON POST. */
export interface ApiCall {
  label: string;
  method: 'GET' | 'POST';
  /** Path and query string under the API's origin. */
  path: string;
  /** A fresh body per request (each created message gets its own `messageUuid`). */
  body?: () => string;
}

/** A procedure measured over HTTP, and the same DynamoDB and PostgreSQL work done directly. */
export interface BenchOperation {
  call: ApiCall;
  direct: (services: ApiServices) => Promise<unknown>;
}

/** Who calls and where: a seed user signed in through Cognito, and one of their conversations. */
export interface Scenario {
  cognitoUserId: string;
  messageGroupUuid: string;
  /** The other participant's handle, for the create-by-handle path. */
  otherHandle: string;
}

// The API's default page size (`pageInput`), spelled out so that both sides read the same page.
const PAGE = 20;

function query(procedure: string, input: unknown): ApiCall {
  return {
    label: procedure,
    method: 'GET',
    path: `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
  };
}

function mutation(label: string, procedure: string, input: () => unknown): ApiCall {
  return {
    label,
    method: 'POST',
    path: `/trpc/${procedure}`,
    body: () => JSON.stringify(input()),
  };
}

let sent = 0;
const newMessage = () => ({ message: `bench message ${++sent}`, messageUuid: nextMessageId() });

/**
 * The three procedures the API overhead is measured on, each beside the calls it made before
 * this round (baseline/before-this-round.ts), made directly with the same clients.
 */
export function benchOperations(s: Scenario): BenchOperation[] {
  const { messageGroupUuid, cognitoUserId: sub } = s;
  return [
    {
      call: query('messageGroups.list', { limit: PAGE }),
      direct: ({ ddb, pool }) => listGroupsBefore(ddb, pool, sub, PAGE),
    },
    {
      call: query('messages.list', { messageGroupUuid, limit: PAGE }),
      direct: ({ ddb, pool }) => listMessagesBefore(ddb, pool, sub, messageGroupUuid, PAGE),
    },
    {
      call: mutation('messages.create', 'messages.create', () => ({
        messageGroupUuid,
        ...newMessage(),
      })),
      direct: ({ ddb, pool }) =>
        createMessageBefore(ddb, pool, sub, messageGroupUuid, newMessage().message),
    },
  ];
}

/** The procedures whose backend calls are counted: the three above and the create-by-handle path. */
export function roundTripCalls(s: Scenario): ApiCall[] {
  return [
    ...benchOperations(s).map((operation) => operation.call),
    mutation('messages.create (by handle)', 'messages.create', () => ({
      handle: s.otherHandle,
      ...newMessage(),
    })),
  ];
}
