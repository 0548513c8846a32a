import { connect } from 'node:net';

/** One answer of the API to a hand-made request: what an attacker would see. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** A request no typed client would make, answered in full. */
export async function rawRequest(url: string, init: RequestInit = {}): Promise<RawAnswer> {
  const response = await fetch(url, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** An SSE request, read until the server sends an error or closes, or for `forMs` at most. */
export async function rawStream(
  url: string,
  { headers = {}, forMs = 3_000 }: { headers?: Record<string, string>; forMs?: number } = {},
): Promise<RawAnswer> {
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: AbortSignal.timeout(forMs),
  });
  let text = '';
  try {
    const decoder = new TextDecoder();
    for await (const chunk of response.body!) {
      text += decoder.decode(chunk as Uint8Array, { stream: true });
      if (text.includes('event: serialized-error')) break;
    }
  } catch (error) {
    if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
  }
  return { status: response.status, headers: response.headers, text };
}

/**
 * Sends `head` and then the body one byte every `intervalMs`, as a slow-loris client does;
 * resolves with how long the server kept the connection open.
 */
export function trickle(
  port: number,
  head: string,
  { intervalMs = 500, bodyBytes = 1_000, giveUpMs = 30_000 } = {},
): Promise<{ openMs: number; answer: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < bodyBytes && socket.writable) {
        socket.write('x');
        sent += 1;
      }
    }, intervalMs);
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept a trickling request open for ${giveUpMs} ms`));
    }, giveUpMs);
    socket.on('connect', () => socket.write(head));
    socket.on('data', (data) => (answer += data.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ openMs: Date.now() - started, answer });
    });
  });
}
