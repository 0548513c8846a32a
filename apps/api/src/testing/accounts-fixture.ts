import { createCognitoClient, type CognitoClient } from '@cruddur/cognito';
import { accountCalls, type SignUpPerson } from '@cruddur/cognito/testing';
import { createPool, type Pool } from '@cruddur/db';
import {
  freePort,
  startCognitoLocal,
  waitUntil,
  type CodeDelivery,
  type CognitoLocal,
} from '@cruddur/devstack';
import { createLogger } from '../logger';
import { createTriggerFunctions, TRIGGER_FUNCTIONS } from '../triggers/functions';
import { startInvokeServer, type InvokeServer } from '../triggers/invoke-server';
import { startApiFixture, type ApiFixture } from './api-fixture';

export interface AccountsFixture {
  fx: ApiFixture;
  cognito: CognitoClient;
  /** Sign-up, confirmation and password reset as the web app calls them. */
  accounts: ReturnType<typeof accountCalls>;
  pool: Pool;
  /** The Lambda Invoke API cognito-local calls for its PreSignUp and PostConfirmation triggers. */
  lambdaEndpoint: string;
  /** Stops answering trigger invocations (as a Lambda that cannot run), until `startTriggers`. */
  stopTriggers(): Promise<void>;
  startTriggers(): Promise<void>;
  signUp(person: SignUpPerson): Promise<string>;
  /** The newest code cognito-local logged for `email` and `purpose`, waiting for it to appear. */
  codeFor(email: string, purpose?: string): Promise<string>;
  confirm(email: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The API fixture on a cognito-local of its own whose PreSignUp and PostConfirmation triggers
 * reach the app's trigger functions through the Lambda Invoke API, against the fixture's
 * database: sign-up and confirmation as they run in `pnpm dev` and on AWS.
 */
export async function startAccountsFixture(): Promise<AccountsFixture> {
  const port = await freePort();
  const codes: CodeDelivery[] = [];
  const cognitoLocal: CognitoLocal = await startCognitoLocal({
    triggers: { endpoint: `http://127.0.0.1:${port}`, functions: TRIGGER_FUNCTIONS },
    onCode: (delivery) => codes.push(delivery),
  });
  // This file's world uses this cognito-local (each vitest file runs in a process of its own).
  process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = cognitoLocal.endpoint;
  let fx: ApiFixture | undefined;
  let pool: Pool | undefined;
  let server: InvokeServer | undefined;
  const cognito = createCognitoClient({
    AWS_REGION: process.env.AWS_REGION!,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognitoLocal.endpoint,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  const close = async () => {
    await server?.close();
    await pool?.end();
    await fx?.close();
    cognito.destroy();
    await cognitoLocal.stop();
  };
  try {
    fx = await startApiFixture();
    const db = createPool(fx.config.DATABASE_URL);
    pool = db;
    const logger = createLogger('silent');
    const startTriggers = async () => {
      server = await startInvokeServer({
        functions: createTriggerFunctions({ pool: db, logger }),
        logger,
        port,
      });
    };
    await startTriggers();
    const accounts = accountCalls(cognito, fx.config.COGNITO_CLIENT_ID);
    const codeFor = async (email: string, purpose = 'SignUp') => {
      let found: CodeDelivery | undefined;
      await waitUntil(
        `a ${purpose} code for ${email}`,
        async () => {
          found = codes.findLast((c) => c.destination === email && c.purpose === purpose);
          return found !== undefined;
        },
        { timeoutMs: 10_000 },
      );
      return found!.code;
    };
    return {
      fx,
      cognito,
      accounts,
      pool: db,
      lambdaEndpoint: `http://127.0.0.1:${port}`,
      stopTriggers: async () => {
        await server?.close();
        server = undefined;
      },
      startTriggers,
      signUp: accounts.signUp,
      codeFor,
      confirm: async (email) => {
        await accounts.confirmSignUp(email, await codeFor(email));
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
