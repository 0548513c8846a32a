function characters(n: number): string {
  return `${n} character${n === 1 ? '' : 's'}`;
}

/** How much room is left in a message; past the limit it turns into an error. */
export function CharCounter({ id, remaining }: { id: string; remaining: number }) {
  const over = remaining < 0;
  return (
    <p
      id={id}
      data-testid="char-counter"
      data-state={over ? 'error' : 'ok'}
      className={over ? 'counter counter--error' : 'counter'}
    >
      {over ? `${characters(-remaining)} over the limit` : `${characters(remaining)} left`}
    </p>
  );
}
