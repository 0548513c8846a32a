import {
  AdminGetUserCommand,
  UserNotFoundException,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { LRUCache } from 'lru-cache';
import { type Logger } from '../logger';

/** What Cognito says of the user behind a still-valid token. */
export type AccountStatus = 'active' | 'disabled' | 'deleted';

export type AccountCheck = (sub: string) => Promise<AccountStatus>;

/** When Cognito cannot be asked, the token's word is taken for this long before asking again. */
const UNKNOWN_TTL_MS = 5_000;

/**
 * An access token stays valid until it expires (an hour on Cognito) even when its user is
 * disabled or deleted meanwhile. Asking Cognito on every request would cost a call each; asking
 * once per `intervalMs` per user (and instance) bounds how long such a user goes on: a request
 * or a live stream is refused within `intervalMs` of the change. An outage of Cognito does not
 * take the API down with it: the check then lets the token speak, and is retried soon.
 */
export function createAccountCheck(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  { intervalMs, logger }: { intervalMs: number; logger: Logger },
): AccountCheck {
  const known = new LRUCache<string, AccountStatus>({ max: 50_000, ttl: intervalMs });
  return async (sub) => {
    const cached = known.get(sub);
    if (cached) return cached;
    try {
      const user = await cognito.send(
        new AdminGetUserCommand({ UserPoolId: userPoolId, Username: sub }),
      );
      const status: AccountStatus = user.Enabled === false ? 'disabled' : 'active';
      known.set(sub, status);
      return status;
    } catch (error) {
      if (error instanceof UserNotFoundException) {
        known.set(sub, 'deleted');
        return 'deleted';
      }
      logger.warn({ err: error }, 'account check: Cognito did not answer; trusting the token');
      known.set(sub, 'active', { ttl: UNKNOWN_TTL_MS });
      return 'active';
    }
  };
}
