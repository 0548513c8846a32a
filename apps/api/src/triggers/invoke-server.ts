import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Logger } from '../logger';
import { type TriggerFunction } from './functions';

export interface InvokeServer {
  /** Where cognito-local's `LambdaClient.endpoint` points. */
  endpoint: string;
  close(): Promise<void>;
}

const INVOCATION = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
// A payload is a Cognito event of a few kilobytes; Lambda itself takes at most 6 MB.
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) throw new Error('payload too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function answer(response: ServerResponse, status: number, body: unknown, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * The AWS Lambda Invoke API (`POST /2015-03-31/functions/<name>/invocations`, RequestResponse),
 * answering with the app's own trigger functions: what cognito-local calls for its triggers, so
 * that locally the same handler code runs as the Lambda functions on AWS. As Lambda does, a
 * function that throws is a 200 with `X-Amz-Function-Error: Unhandled` and `{ errorType,
 * errorMessage }`; cognito-local then fails the Cognito call (PreSignUp) or logs it.
 * Listens on loopback unless told otherwise.
 */
export async function startInvokeServer(options: {
  functions: Record<string, TriggerFunction>;
  logger: Logger;
  port?: number;
  host?: string;
}): Promise<InvokeServer> {
  const { functions, logger } = options;
  const server = createServer((request, response) => {
    void (async () => {
      const name = decodeURIComponent(INVOCATION.exec(request.url ?? '')?.[1] ?? '');
      if (request.method !== 'POST' || !name) {
        answer(response, 404, { message: 'not a Lambda Invoke request' });
        return;
      }
      const run = functions[name];
      if (!run) {
        answer(
          response,
          404,
          { Type: 'User', message: `Function not found: ${name}` },
          { 'x-amzn-errortype': 'ResourceNotFoundException' },
        );
        return;
      }
      let event: never;
      try {
        event = JSON.parse(await readBody(request)) as never;
      } catch (error) {
        answer(
          response,
          400,
          { Type: 'User', message: `invalid request payload: ${(error as Error).message}` },
          { 'x-amzn-errortype': 'InvalidRequestContentException' },
        );
        return;
      }
      try {
        answer(response, 200, await run(event));
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        logger.error({ err: failure, function: name }, `trigger ${name} failed`);
        answer(
          response,
          200,
          { errorType: failure.name, errorMessage: failure.message, trace: [] },
          { 'x-amz-function-error': 'Unhandled' },
        );
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
