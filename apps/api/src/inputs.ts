import {
  handleProblem,
  isUuid,
  messageTextProblem,
  normalizeHandle,
  normalizeMessageText,
  normalizePeopleQuery,
  PAGE_LIMIT,
  pageLimitProblem,
  PEOPLE_SEARCH_LIMIT,
  peopleQueryProblem,
  peopleSearchLimitProblem,
} from '@cruddur/validators';
import { z } from 'zod';

/**
 * The API's input schemas, built on the project's one definition of each rule
 * (@cruddur/validators), so that the API, the data layer and the web app agree.
 */
const rule =
  (problem: (value: string) => string | null) => (value: string, ctx: z.RefinementCtx<string>) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  };

export const uuid = z
  .string({ error: 'must be a uuid' })
  .refine((value) => isUuid(value), 'must be a uuid');

export const handle = z
  .string({ error: 'must be a handle' })
  .transform(normalizeHandle)
  .superRefine(rule(handleProblem));

export const messageText = z
  .string({ error: 'must be text' })
  .transform(normalizeMessageText)
  .superRefine(rule(messageTextProblem));

/** Not strict: tRPC's infinite queries add a `direction` that pagination here does not need. */
export const pageInput = z.object({
  cursor: z
    .string({ error: 'must be the nextCursor of a previous page' })
    .min(1)
    .max(2048)
    .nullish(),
  limit: z
    .number({ error: 'must be a whole number' })
    .default(PAGE_LIMIT.default)
    .superRefine((value, ctx) => {
      const message = pageLimitProblem(value);
      if (message) ctx.addIssue({ code: 'custom', message });
    }),
});

/** What someone typed into the people picker: "@mi", "Tomás", "lind". */
export const peopleQuery = z
  .string({ error: 'must be text' })
  .transform(normalizePeopleQuery)
  .superRefine(rule(peopleQueryProblem));

export const peopleSearchLimit = z
  .number({ error: 'must be a whole number' })
  .default(PEOPLE_SEARCH_LIMIT.default)
  .superRefine((value, ctx) => {
    const message = peopleSearchLimitProblem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
