import { useState } from 'react';
import { readDraft, writeDraft } from './drafts';
import { useStorageOwner } from './use-storage-owner';

/**
 * The message box's text for one conversation (`name`), kept as it is typed. Without a name or
 * a signed-in owner it lives only as long as the view.
 */
export function useDraft(name: string | undefined): [string, (text: string) => void] {
  const owner = useStorageOwner();
  const [text, setText] = useState(() =>
    owner && name ? readDraft(localStorage, owner, name) : '',
  );
  const update = (next: string) => {
    setText(next);
    if (owner && name) writeDraft(localStorage, owner, name, next);
  };
  return [text, update];
}
