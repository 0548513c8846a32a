export interface RawResponse {
  status: number;
  body: {
    result?: { data: unknown };
    error?: {
      message: string;
      code: number;
      data: {
        code: string;
        httpStatus: number;
        zodError: { formErrors: string[]; fieldErrors: Record<string, string[]> } | null;
        stack?: unknown;
      };
    };
  };
}

/** A tRPC call with plain fetch, for inputs no typed client would send. */
export async function rawCall(
  baseUrl: string,
  procedure: string,
  options: { input?: unknown; token?: string; mutation?: boolean; body?: string } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = options.token
    ? { authorization: `Bearer ${options.token}` }
    : {};
  let url = `${baseUrl}/trpc/${procedure}`;
  let init: RequestInit = { headers };
  if (options.mutation) {
    init = {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: options.body ?? JSON.stringify(options.input),
    };
  } else if (options.input !== undefined) {
    url += `?input=${encodeURIComponent(JSON.stringify(options.input))}`;
  }
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as RawResponse['body'] };
}
