/** A failure the person can act on: its message is the one line the CLI prints. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
