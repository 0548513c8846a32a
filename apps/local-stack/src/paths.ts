import { fileURLToPath } from 'node:url';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export const REPO_ROOT = here('../../../');
export const API_DIR = here('../../api/');
export const WORKER_DIR = here('../../stream-worker/');
export const WEB_DIR = here('../../web/');
