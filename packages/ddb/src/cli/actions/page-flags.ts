/** The options of the pattern commands, which show one page of a list. */
export interface PageFlags {
  limit: number;
  cursor?: string;
  json?: boolean;
}
