/**
 * One call of the Cognito Identity Provider JSON protocol (a POST with an `X-Amz-Target` header),
 * unsigned: every call the browser makes is a public app client's. The AWS SDK's signing,
 * middleware and retry machinery would only add weight to the bundle.
 */

/** A failed Cognito call; `code` is Cognito's exception name, or `NetworkError` when it was not reached. */
export class CognitoError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CognitoError';
  }
}

export const NETWORK_MESSAGE =
  'Cannot reach the sign-in service. Check your connection and try again.';

export async function cognitoRequest<T>(
  endpoint: string,
  operation: string,
  input: Record<string, unknown>,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify(input),
    });
  } catch {
    throw new CognitoError('NetworkError', NETWORK_MESSAGE);
  }
  const body = (await response.json().catch(() => null)) as
    (T & { __type?: string; message?: string }) | null;
  if (response.ok && body) return body;
  // `__type` may carry a namespace prefix ("com.amazonaws…#NotAuthorizedException").
  const code =
    body?.__type?.split('#').pop() ??
    (response.status >= 500 || !body ? 'NetworkError' : 'UnknownError');
  throw new CognitoError(
    code,
    code === 'NetworkError' && !body
      ? NETWORK_MESSAGE
      : (body?.message ?? `${operation} failed (${response.status}).`),
  );
}
