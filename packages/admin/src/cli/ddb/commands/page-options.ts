import { PAGE_LIMIT } from '@cruddur/validators';
import { type OptionSpec } from '../../framework/command';
import { wholeNumber } from '../../shared/arguments';

/** The options of the pattern commands, which show one page of a list. */
export interface PageOptions {
  limit: number;
  cursor?: string;
}

export const PAGE_OPTIONS: OptionSpec[] = [
  {
    flags: '--limit <n>',
    description: `items per page, ${PAGE_LIMIT.min}-${PAGE_LIMIT.max}`,
    parse: wholeNumber(PAGE_LIMIT.min, PAGE_LIMIT.max),
    default: PAGE_LIMIT.default,
  },
  { flags: '--cursor <cursor>', description: 'the cursor printed with the previous page' },
];
