/** What tRPC tells about a request: its kind, and the connection parameters sent in its URL. */
export interface RequestKind {
  type: string;
  connectionParams: Record<string, string | undefined> | null;
}

/**
 * The caller's access token: from `Authorization: Bearer …`, or — for SSE subscriptions only,
 * since a browser EventSource cannot send headers — from the `token` connection parameter of
 * `httpSubscriptionLink`. Anything else must use the header: URLs end up in logs and histories.
 */
export function bearerToken(
  authorization: string | undefined | null,
  request: RequestKind,
): string | null {
  const header = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (header) return header;
  if (request.type !== 'subscription') return null;
  const param = request.connectionParams?.token?.trim();
  return param ? param : null;
}
