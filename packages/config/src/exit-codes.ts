/**
 * How every program of the project ends, so scripts can tell a usage slip from a failure:
 * 2 is the shell's "misuse" and 78 is sysexits' EX_CONFIG.
 */
export const EXIT_CODES = { ok: 0, failure: 1, usage: 2, config: 78 } as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
