import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** What the stack deploys, as files on disk: the build outputs of the apps (`pnpm build`). */
export interface AppAssets {
  /** apps/api/dist: `lambda.mjs` (HTTP API) and `post-confirmation.mjs` (Cognito trigger). */
  readonly apiDist: string;
  /** apps/stream-worker/dist: `handler.mjs`. */
  readonly workerDist: string;
  /** apps/web/dist: the Vite build (index.html, assets/). */
  readonly webDist: string;
  /** The live tier's Docker build context, from `prepareLiveImageContext`. */
  readonly liveImageContext: string;
}

export const LIVE_DOCKERFILE = join(import.meta.dirname, '../docker/live.Dockerfile');

/** The live server's bundle and, when the build made one, its source map. */
const LIVE_SERVER_FILES = ['server.mjs', 'server.mjs.map'];

/**
 * Fills `into` (emptied first) with the Dockerfile and the server bundle: a build context of a few
 * megabytes instead of the repository and its node_modules. A Dockerfile has to sit inside its
 * context for CDK to stage it, and apps/api/dist is a build output, so the two meet here. CDK then
 * copies this folder into the cloud assembly; Docker only runs at deploy time.
 */
export function prepareLiveImageContext(apiDist: string, into: string): string {
  if (!existsSync(join(apiDist, 'server.mjs'))) {
    throw new Error(`${join(apiDist, 'server.mjs')} does not exist: run \`pnpm build\` first`);
  }
  rmSync(into, { recursive: true, force: true });
  mkdirSync(join(into, 'dist'), { recursive: true });
  copyFileSync(LIVE_DOCKERFILE, join(into, 'Dockerfile'));
  for (const file of LIVE_SERVER_FILES) {
    if (existsSync(join(apiDist, file)))
      copyFileSync(join(apiDist, file), join(into, 'dist', file));
  }
  return into;
}

/** The real build outputs of the repository at `repoRoot`; what `bin/app.ts` deploys. */
export function repoAssets(repoRoot: string, imageContextDir: string): AppAssets {
  const dist = (app: string) => {
    const dir = join(repoRoot, 'apps', app, 'dist');
    if (!existsSync(dir)) throw new Error(`${dir} does not exist: run \`pnpm build\` first`);
    return dir;
  };
  const apiDist = dist('api');
  return {
    apiDist,
    workerDist: dist('stream-worker'),
    webDist: dist('web'),
    liveImageContext: prepareLiveImageContext(apiDist, imageContextDir),
  };
}
