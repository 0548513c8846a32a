import type { ReactionName } from '@cruddur/validators';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { ReactionCount } from '../lib/reactions';

export interface MessageActionsProps {
  mine: boolean;
  counts: readonly ReactionCount[];
  onReact: (name: ReactionName, on: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
  /** Where focus goes back to when the panel closes (the toggle itself). */
  toggleRef: RefObject<HTMLButtonElement | null>;
}

/**
 * A message's "⋯" button and what it opens: the reactions (pressed where they are mine) and, on
 * my own messages, Edit and Delete — Delete asking once more first. A disclosure: Tab moves
 * through its buttons, Escape or a click elsewhere closes it, and focus returns to the toggle.
 */
export function MessageActions({
  mine,
  counts,
  onReact,
  onEdit,
  onDelete,
  toggleRef,
}: MessageActionsProps) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const panelId = useId();
  const panelRef = useRef<HTMLDivElement>(null);

  const close = (refocus = true) => {
    setOpen(false);
    setConfirming(false);
    if (refocus) toggleRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    // Opened: its first button; asked to confirm a delete: the safe answer, Cancel.
    const buttons = panelRef.current?.querySelectorAll<HTMLButtonElement>('button');
    (confirming ? buttons?.item(buttons.length - 1) : buttons?.item(0))?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !toggleRef.current?.contains(target)) {
        setOpen(false);
        setConfirming(false);
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, confirming, toggleRef]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };

  return (
    <>
      <button
        ref={toggleRef}
        type="button"
        className="message-actions__toggle"
        aria-label="Actions"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          className="message-actions"
          role="group"
          aria-label="Actions"
          onKeyDown={onKeyDown}
        >
          {confirming ? (
            <>
              <span className="message-actions__question">Delete for both of you?</span>
              <button
                type="button"
                className="button button--small message-actions__danger"
                onClick={() => {
                  close();
                  onDelete();
                }}
              >
                Delete
              </button>
              <button type="button" className="button button--small" onClick={() => close()}>
                Cancel
              </button>
            </>
          ) : (
            <>
              <span className="message-actions__reactions">
                {counts.map((r) => (
                  <button
                    key={r.name}
                    type="button"
                    className="message-actions__reaction"
                    aria-pressed={r.mine}
                    aria-label={`React: ${r.label}`}
                    title={r.label}
                    onClick={() => {
                      close();
                      onReact(r.name, !r.mine);
                    }}
                  >
                    <span aria-hidden="true">{r.emoji}</span>
                  </button>
                ))}
              </span>
              {mine && (
                <>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => {
                      close(false);
                      onEdit();
                    }}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setConfirming(true)}
                  >
                    Delete
                  </button>
                </>
              )}
            </>
          )}
        </div>
      )}
    </>
  );
}
