/** The empty detail pane on wide screens (on narrow ones the list is shown instead). */
export function MessagesIndexPage() {
  return (
    <div className="placeholder">
      <h2>Your messages</h2>
      <p className="muted">Choose a conversation, or start one with someone’s handle.</p>
    </div>
  );
}
