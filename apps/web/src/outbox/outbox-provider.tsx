import { useQueryClient } from '@tanstack/react-query';
import { messageIdClock } from '@cruddur/validators';
import { useEffect, useState, type ReactNode } from 'react';
import { describeApiError } from '../lib/api-errors';
import { useApiMayBeBack } from '../lib/use-api-may-be-back';
import { useStorageOwner } from '../lib/use-storage-owner';
import { useConversations } from '../components/conversations-provider';
import { useLive } from '../live/live-context';
import { trpc } from '../trpc';
import { Outbox } from './outbox';
import { OutboxContext } from './outbox-context';
import { failureOf } from './outbox-failure';
import { OutboxStore } from './outbox-store';
import { latestAsOf, ServerClock } from './server-clock';
import { webLockLead } from './web-lock';

/**
 * The signed-in person's outbox for this tab: messages written here go out through it, and
 * stay in localStorage until the server has them. It is told to try at once (rather than wait
 * out its backoff) whenever the API may be back: the browser online again, the window used
 * again, the live stream connected, any query answered.
 */
export function OutboxProvider({ children }: { children: ReactNode }) {
  const owner = useStorageOwner();
  const utils = trpc.useUtils();
  const queryClient = useQueryClient();
  const { cache, status } = useLive();
  const { record } = useConversations();
  const [clock] = useState(() => new ServerClock());
  const [outbox, setOutbox] = useState<Outbox | null>(null);

  useEffect(() => {
    if (!owner) return;
    const store = new OutboxStore(localStorage, owner);
    const box = new Outbox({
      store,
      send: ({ to, text, messageUuid }, signal) => {
        const where =
          'messageGroupUuid' in to
            ? { messageGroupUuid: to.messageGroupUuid }
            : { handle: to.handle };
        return utils.client.messages.create.mutate(
          { ...where, message: text, messageUuid },
          { signal },
        );
      },
      onSent: ({ messageGroupUuid, message }, entry) => {
        cache.applyMessage(message);
        record({
          messageGroupUuid,
          lastMessage: message.message,
          lastMessageAt: message.createdAt,
          other: 'handle' in entry.to ? entry.to.other : undefined,
        });
      },
      failure: failureOf,
      describe: describeApiError,
      newId: messageIdClock(() => clock.nowMicros()),
      nowMicros: () => clock.nowMicros(),
      lead: webLockLead(`cruddur.outbox.${owner}`),
      online: () => navigator.onLine,
      watch: (onChange) => store.watch(window, onChange),
    });
    setOutbox(box);
    return () => {
      box.dispose();
      setOutbox(null);
    };
  }, [owner, utils, cache, record, clock]);

  // The server's clock, from the time each list or thread page was read (ids carry it).
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual)
          return;
        const asOf = latestAsOf(event.query.state.data);
        if (asOf) clock.observe(asOf);
      }),
    [queryClient, clock],
  );
  // Whatever waits in the outbox can go as soon as the API may answer.
  useApiMayBeBack(() => outbox?.kick(), outbox !== null);

  useEffect(() => {
    if (status === 'live') outbox?.kick();
  }, [status, outbox]);

  return <OutboxContext value={outbox}>{children}</OutboxContext>;
}
