import type { UserRef } from '../lib/api-types';
import { useMe } from '../lib/use-me';
import { trpc } from '../trpc';
import { ErrorBanner } from './error-banner';

/**
 * Block or unblock the other person of a conversation. A blocked conversation stays in the list
 * and is marked here, in its header ("Blocked"), where it can be unblocked: while the block
 * stands neither person can write to the other (the API refuses), and unblocking restores it.
 */
export function BlockControl({ user }: { user: UserRef }) {
  const me = useMe();
  const utils = trpc.useUtils();
  const status = trpc.users.blockStatus.useQuery({ userUuid: user.uuid });
  const onDone = () => utils.users.blockStatus.invalidate({ userUuid: user.uuid });
  const block = trpc.users.block.useMutation({ onSuccess: onDone });
  const unblock = trpc.users.unblock.useMutation({ onSuccess: onDone });
  if (me.data?.uuid === user.uuid || !status.data) return null;
  const blocked = status.data.blocked;
  const busy = block.isPending || unblock.isPending;
  const failed = block.error ?? unblock.error;
  return (
    <div className="block-control">
      {blocked && (
        <span className="badge badge--blocked" role="status">
          Blocked
        </span>
      )}
      <button
        type="button"
        className="button button--small button--ghost"
        disabled={busy}
        onClick={() =>
          blocked ? unblock.mutate({ userUuid: user.uuid }) : block.mutate({ userUuid: user.uuid })
        }
        aria-label={blocked ? `Unblock @${user.handle}` : `Block @${user.handle}`}
      >
        {blocked ? 'Unblock' : 'Block'}
      </button>
      {failed && <ErrorBanner error={failed} />}
    </div>
  );
}
