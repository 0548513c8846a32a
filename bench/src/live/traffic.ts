import { messageIdAt } from '@cruddur/validators';
import { nowMicros } from '@cruddur/ddb';
import { type SignedInPerson } from './people';

export interface Conversation {
  messageGroupUuid: string;
  members: [SignedInPerson, SignedInPerson];
}

export interface Sent {
  /** performance.now() just before the send. */
  at: number;
  recipient: SignedInPerson;
  messageGroupUuid: string;
  /** Which API instance it went through (0 or 1). */
  instance: number;
}

/**
 * Messages at `rate` per second for `durationSec`, each in a random conversation from a random
 * side of it, through instance 0 or 1 in turn. Ids are made here, so that a delivery can be
 * matched to its send before the send returns.
 */
export async function sendAtRate(
  conversations: readonly Conversation[],
  { rate, durationSec }: { rate: number; durationSec: number },
  /** Filled as messages go, before their sends return: deliveries can come first. */
  sent: Map<string, Sent>,
  send: (
    sender: SignedInPerson,
    c: Conversation,
    messageUuid: string,
    instance: number,
  ) => Promise<void>,
): Promise<void> {
  const total = Math.round(rate * durationSec);
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const conversation = conversations[Math.floor(Math.random() * conversations.length)]!;
    const from = Math.round(Math.random());
    const sender = conversation.members[from]!;
    const recipient = conversation.members[1 - from]!;
    const messageUuid = messageIdAt(nowMicros());
    const instance = i % 2;
    sent.set(messageUuid, {
      at: performance.now(),
      recipient,
      messageGroupUuid: conversation.messageGroupUuid,
      instance,
    });
    inFlight.push(send(sender, conversation, messageUuid, instance));
  }
  await Promise.all(inFlight);
}
