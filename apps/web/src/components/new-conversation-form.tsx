import { normalizePeopleQuery, peopleQueryProblem } from '@cruddur/validators';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { describeApiError } from '../lib/api-errors';
import type { UserRef } from '../lib/api-types';
import { trpc } from '../trpc';
import { useConversations } from './conversations-provider';
import { PeoplePicker } from './people-picker';

/** How long typing must pause before a search goes out: one request per word, not per key. */
const SEARCH_DELAY_MS = 200;

/**
 * "Message someone": finds people as their name or handle is typed (`users.search`), and opens
 * the conversation with the one chosen — the one the two already have, when it is known here, or
 * the new-conversation view (whose first message reuses an existing one anyway).
 */
export function NewConversationForm() {
  const navigate = useNavigate();
  const { conversations } = useConversations();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(normalizePeopleQuery(text)), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const searchable = query !== '' && peopleQueryProblem(query) === null;
  const search = trpc.users.search.useQuery(
    { query },
    { enabled: searchable, staleTime: 30_000, placeholderData: (previous) => previous },
  );

  const choose = (person: UserRef) => {
    setText('');
    const existing = conversations.find((c) => c.other.uuid === person.uuid);
    void navigate(
      existing
        ? `/messages/${existing.messageGroupUuid}`
        : `/messages/new/${encodeURIComponent(person.handle)}`,
    );
  };

  return (
    <div className="new-conversation">
      <PeoplePicker
        query={text}
        onQueryChange={setText}
        results={searchable ? search.data?.items : undefined}
        loading={search.isFetching || normalizePeopleQuery(text) !== query}
        error={
          searchable && search.isError
            ? describeApiError(search.error)
            : query && !searchable
              ? peopleQueryProblem(query)
              : null
        }
        onChoose={choose}
      />
    </div>
  );
}
