export { BLOCKS_CHANGED_CHANNEL, USERS_CHANGED_CHANNEL } from '@cruddur/db';

/** The one channel every delivery goes through; each API instance filters by recipient. */
export const DELIVERIES_CHANNEL = 'cruddur_live';
