import { useState } from 'react';
import { trpc } from '../trpc';
import { isTransient } from './api-errors';
import type { Message } from './api-types';
import { pendingMessage, type PendingMessage } from './thread-messages';
import { useMe } from './use-me';

/** Where a message goes: an existing conversation, or a person (the server creates or reuses the group). */
export type SendTarget = { messageGroupUuid: string } | { handle: string };

export interface SentMessage {
  messageGroupUuid: string;
  message: Message;
}

/**
 * Sending with an optimistic copy. Each message gets its uuid here, so automatic and manual
 * retries cannot store it twice, and the server's copy replaces the pending one by that uuid.
 * `onSent` runs even if the view has gone (the message was still sent).
 */
export function useSendMessage(target: SendTarget, onSent: (sent: SentMessage) => void) {
  const me = useMe();
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const setStatus = (messageUuid: string, status: PendingMessage['status']) =>
    setPending((list) => list.map((p) => (p.messageUuid === messageUuid ? { ...p, status } : p)));

  const create = trpc.messages.create.useMutation({
    retry: (failures, error) => isTransient(error) && failures < 2,
    onSuccess: (sent) => {
      onSent(sent);
      setPending((list) => list.filter((p) => p.messageUuid !== sent.message.messageUuid));
    },
    onError: (_error, variables) => {
      if (variables.messageUuid) setStatus(variables.messageUuid, 'failed');
    },
  });

  const send = (text: string) => {
    if (!me.data) return;
    const groupUuid = 'messageGroupUuid' in target ? target.messageGroupUuid : '';
    const message = pendingMessage(groupUuid, text, me.data);
    setPending((list) => [...list, message]);
    create.mutate({ ...target, message: text, messageUuid: message.messageUuid });
  };

  const retry = (messageUuid: string) => {
    const message = pending.find((p) => p.messageUuid === messageUuid);
    if (!message) return;
    setStatus(messageUuid, 'sending');
    create.mutate({ ...target, message: message.message, messageUuid });
  };

  const failed = pending.some((p) => p.status === 'failed');
  return { pending, send, retry, canSend: me.isSuccess, error: failed ? create.error : null };
}
