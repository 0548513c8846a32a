import type { ReactionName } from '@cruddur/validators';
import { useState } from 'react';
import { useLive } from '../live/live-context';
import { trpc } from '../trpc';
import { describeApiError } from './api-errors';
import type { Message } from './api-types';
import type { PendingReactions } from './reactions';

/**
 * Editing, deleting and reacting to one message. Each answer is the server's new version of the
 * message, applied to the cache by rev like the live `message-changed` event that follows it (so
 * whichever comes first wins and the other changes nothing). An edit and a reaction show at once
 * (`savingText`, `pendingReactions`) and fall back to the server's version if refused; a delete
 * waits for the server (it cannot be taken back).
 */
export function useMessageChange(message: Message) {
  const { cache } = useLive();
  const [error, setError] = useState<string | null>(null);
  const [pendingReactions, setPendingReactions] = useState<PendingReactions>({});
  const ids = { messageGroupUuid: message.messageGroupUuid, messageUuid: message.messageUuid };
  const applied = (changed: Message) => {
    cache.applyChanged(changed);
    setError(null);
  };
  const failed = (what: string) => (cause: unknown) =>
    setError(`${what}: ${describeApiError(cause)}`);

  const edit = trpc.messages.edit.useMutation({
    onSuccess: applied,
    onError: failed('Not saved'),
  });
  const remove = trpc.messages.delete.useMutation({
    onSuccess: applied,
    onError: failed('Not deleted'),
  });
  const react = trpc.messages.react.useMutation({
    onSuccess: applied,
    onError: failed('Reaction not saved'),
    onSettled: (_data, _error, { reaction }) =>
      setPendingReactions(({ [reaction]: _settled, ...others }) => others),
  });

  return {
    error,
    clearError: () => setError(null),
    /** The text of an edit on its way (shown in place of the message's), or null. */
    savingText: edit.isPending ? edit.variables.message : null,
    deleting: remove.isPending,
    pendingReactions,
    /** Resolves once the server has answered: whether the edit was stored. */
    saveEdit: async (text: string): Promise<boolean> => {
      setError(null);
      try {
        await edit.mutateAsync({ ...ids, message: text });
        return true;
      } catch {
        return false;
      }
    },
    remove: () => {
      setError(null);
      remove.mutate(ids);
    },
    toggleReaction: (reaction: ReactionName, on: boolean) => {
      setError(null);
      setPendingReactions((pending) => ({ ...pending, [reaction]: on }));
      react.mutate({ ...ids, reaction, on });
    },
  };
}

export type MessageChange = ReturnType<typeof useMessageChange>;
