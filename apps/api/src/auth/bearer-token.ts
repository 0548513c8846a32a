/**
 * The caller's access token: from `Authorization: Bearer …`, or, for SSE subscriptions (a browser
 * EventSource cannot send headers), from the `token` connection parameter of `httpSubscriptionLink`.
 */
export function bearerToken(
  authorization: string | undefined | null,
  connectionParams: Record<string, string | undefined> | null,
): string | null {
  const header = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (header) return header;
  const param = connectionParams?.token?.trim();
  return param ? param : null;
}
