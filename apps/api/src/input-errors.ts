import { z, type ZodError } from 'zod';

type Issue = z.core.$ZodIssue;

/** Field errors of invalid input: `fieldErrors.message` = ["must not be blank"]; `formErrors` for the input as a whole. */
export interface InputErrors {
  formErrors: string[];
  fieldErrors: Partial<Record<string, string[]>>;
}

/**
 * When no option of a union matches (`messages.create` takes a group or a handle), the option the
 * input came closest to — the only one with the fewest issues — names the real problem, such as
 * `message: must be text`. With a tie the union's own message stays, as it explains the choice.
 */
function expandUnions(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const sizes = issue.errors.map((branch) => branch.length);
    const fewest = Math.min(...sizes);
    if (sizes.filter((size) => size === fewest).length > 1) return [issue];
    const closest = issue.errors[sizes.indexOf(fewest)]!;
    return expandUnions(
      closest.map((branchIssue) => ({
        ...branchIssue,
        path: [...issue.path, ...branchIssue.path],
      })),
    );
  });
}

export function inputErrors(error: ZodError): InputErrors {
  return z.flattenError(
    new z.ZodError(expandUnions(error.issues)) as ZodError<Record<string, unknown>>,
  );
}

/** One line for the error message: `message: must not be blank; limit: must be at most 100`. */
export function describeInputErrors(error: ZodError): string {
  return expandUnions(error.issues)
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}
