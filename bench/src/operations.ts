import { type ApiServices } from '@cruddur/api';
import { findUserByCognitoUserId, type User } from '@cruddur/db';
import {
  createMessage,
  isMember,
  listMessageGroups,
  listMessages,
  type UserRef,
} from '@cruddur/ddb';
import { randomUUID } from 'node:crypto';

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
const newMessage = () => ({ message: `bench message ${++sent}`, messageUuid: randomUUID() });

/** What every protected procedure does first: the caller's users row from the token's `sub`. */
async function caller(services: ApiServices, cognitoUserId: string): Promise<User> {
  const user = await findUserByCognitoUserId(services.pool, cognitoUserId);
  if (!user) throw new Error(`no users row has cognito_user_id ${cognitoUserId}`);
  return user;
}

const userRef = (user: User): UserRef => ({
  uuid: user.uuid,
  handle: user.handle,
  displayName: user.displayName,
});

/** The three procedures the API overhead is measured on, each beside its direct twin. */
export function benchOperations(s: Scenario): BenchOperation[] {
  const { messageGroupUuid } = s;
  return [
    {
      call: query('messageGroups.list', { limit: PAGE }),
      direct: async (services) => {
        const me = await caller(services, s.cognitoUserId);
        return listMessageGroups(services.ddb, me.uuid, { limit: PAGE });
      },
    },
    {
      call: query('messages.list', { messageGroupUuid, limit: PAGE }),
      direct: async (services) => {
        const me = await caller(services, s.cognitoUserId);
        if (!(await isMember(services.ddb, messageGroupUuid, me.uuid)))
          throw new Error(`@${me.handle} is not a member of ${messageGroupUuid}`);
        return listMessages(services.ddb, messageGroupUuid, { limit: PAGE });
      },
    },
    {
      call: mutation('messages.create', 'messages.create', () => ({
        messageGroupUuid,
        ...newMessage(),
      })),
      direct: async (services) => {
        const me = await caller(services, s.cognitoUserId);
        return createMessage(services.ddb, {
          messageGroupUuid,
          sender: userRef(me),
          ...newMessage(),
        });
      },
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
