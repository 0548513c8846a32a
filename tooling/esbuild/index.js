// @ts-check
import process from 'node:process';
import { build } from 'esbuild';

/**
 * The Node.js version the deployed bundles run on: the current Lambda LTS runtime (the CDK app
 * deploys `nodejs22.x`). Code that builds here also runs on Node 24.
 */
export const NODE_TARGET = 'node22';

/**
 * Bundles Node entry points into single ESM files with their dependencies (the AWS SDK included,
 * so deployed code runs the versions it was tested with, not whatever the runtime ships), and
 * prints each file's size.
 *
 * @param {{ entryPoints: Record<string, string>, outdir?: string, minify?: boolean, external?: string[] }} options
 */
export async function bundleNode({ entryPoints, outdir = 'dist', minify = true, external = [] }) {
  const result = await build({
    entryPoints,
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: NODE_TARGET,
    format: 'esm',
    minify,
    sourcemap: true,
    legalComments: 'none',
    metafile: true,
    // pg-native is an optional native driver pg never loads unless asked; pino-pretty is dev-only.
    external: ['pg-native', 'pino-pretty', ...external],
    // Bundled CommonJS dependencies call require() for Node built-ins, which ESM lacks.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.mjs')) process.stdout.write(`${file}  ${(bytes / 1024).toFixed(0)} KiB\n`);
  }
}
