/** How many items one page of a list holds: every list is paginated, none is capped. */
export const PAGE_LIMIT = { min: 1, max: 100, default: 20 } as const;

/** Why `limit` cannot be a page size, or null when it can. */
export function pageLimitProblem(limit: unknown): string | null {
  if (typeof limit !== 'number' || !Number.isInteger(limit)) return 'must be a whole number';
  if (limit < PAGE_LIMIT.min) return `must be at least ${PAGE_LIMIT.min}`;
  if (limit > PAGE_LIMIT.max) return `must be at most ${PAGE_LIMIT.max}`;
  return null;
}
