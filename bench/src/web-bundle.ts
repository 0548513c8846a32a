import { REPO_ROOT } from '@cruddur/local-stack';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const run = promisify(execFile);
const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');

export interface WebBundleReport {
  /** JavaScript the first page load downloads (entry + modulepreloads), gzip, from the web app's script. */
  initialJsGzipKb: number;
  /** The stylesheets index.html links, gzip. */
  initialCssGzipKb: number;
  /** JavaScript loaded later, per screen. */
  lazyJsGzipKb: number;
  initialFiles: string[];
}

/** What `apps/web/scripts/bundle-size.mjs --json` prints. */
interface BundleSizeOutput {
  initialGzipKb: number;
  lazyGzipKb: number;
  initial: string[];
  lazy: string[];
}

async function pnpmWeb(args: string[], signal: AbortSignal): Promise<string> {
  try {
    const { stdout } = await run('pnpm', ['--silent', '--filter', '@cruddur/web', ...args], {
      cwd: REPO_ROOT,
      signal,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    const output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`.trim().split('\n').slice(-20);
    throw new Error(`pnpm ${args.join(' ')} (web) failed:\n${output.join('\n')}`, { cause: error });
  }
}

/**
 * The web app's production build, as `pnpm --filter @cruddur/web build` makes it, measured by
 * its own bundle-size script. That script counts JavaScript only, so the stylesheets the page
 * links are added here (same gzip level).
 */
export async function measureWebBundle(
  progress: (message: string) => void,
  signal: AbortSignal,
): Promise<WebBundleReport> {
  progress('building the web app (vite build)');
  await pnpmWeb(['run', 'build'], signal);
  const sizes = JSON.parse(
    await pnpmWeb(['run', 'bundle-size', '--json'], signal),
  ) as BundleSizeOutput;
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const stylesheets = [
    ...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*\shref="\/([^"]+\.css)"/g),
  ].map((match) => match[1]!);
  const cssBytes = stylesheets.reduce(
    (total, file) => total + gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length,
    0,
  );
  return {
    initialJsGzipKb: sizes.initialGzipKb,
    initialCssGzipKb: Math.round(cssBytes / 100) / 10,
    lazyJsGzipKb: sizes.lazyGzipKb,
    initialFiles: [...sizes.initial, ...stylesheets],
  };
}
