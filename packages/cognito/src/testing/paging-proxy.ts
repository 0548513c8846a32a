import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Paged {
  items: string;
  limit: string;
  token: string;
}

// cognito-local answers every List call with all items at once, where Amazon Cognito pages them.
const PAGED: Record<string, Paged> = {
  ListUsers: { items: 'Users', limit: 'Limit', token: 'PaginationToken' },
  ListUserPools: { items: 'UserPools', limit: 'MaxResults', token: 'NextToken' },
  ListUserPoolClients: { items: 'UserPoolClients', limit: 'MaxResults', token: 'NextToken' },
};

export interface PagingProxy {
  endpoint: string;
  /** How many pages of each List operation were served. */
  pages: Record<string, number>;
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A pass-through HTTP proxy in front of cognito-local that pages its List answers as Amazon
 * Cognito does (at most `pageSize` items and a continuation token), so that the code following
 * the tokens runs against the real service's data.
 */
export async function startPagingProxy(target: string, pageSize: number): Promise<PagingProxy> {
  const pages: Record<string, number> = {};
  const server = createServer((request, response) => {
    void (async () => {
      const operation =
        String(request.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      const text = await body(request);
      const forwarded = await fetch(new URL(request.url ?? '/', target), {
        method: request.method,
        headers: {
          'content-type': String(request.headers['content-type']),
          'x-amz-target': String(request.headers['x-amz-target']),
        },
        body: request.method === 'POST' ? text : undefined,
      });
      let answer = await forwarded.text();
      const paged = PAGED[operation];
      if (paged && forwarded.ok) {
        const input = JSON.parse(text) as Record<string, unknown>;
        const output = JSON.parse(answer) as Record<string, unknown>;
        const all = (output[paged.items] as unknown[] | undefined) ?? [];
        const offset = Number(input[paged.token] ?? 0);
        const size = Math.min(pageSize, Number(input[paged.limit] ?? pageSize));
        output[paged.items] = all.slice(offset, offset + size);
        output[paged.token] = offset + size < all.length ? String(offset + size) : undefined;
        pages[operation] = (pages[operation] ?? 0) + 1;
        answer = JSON.stringify(output);
      }
      response.writeHead(forwarded.status, {
        'content-type': forwarded.headers.get('content-type') ?? 'application/json',
      });
      response.end(answer);
    })().catch((error: unknown) => {
      response.writeHead(502);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://localhost:${port}`,
    pages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
