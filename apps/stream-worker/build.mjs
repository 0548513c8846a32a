// Bundles the Lambda handler into one ESM file with its dependencies (the AWS SDK included, so the
// deployed code runs the versions it was tested with, not whatever the runtime ships).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/handler.ts'],
  outfile: 'dist/handler.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
  // Some bundled CommonJS dependencies call require() for Node built-ins, which ESM lacks.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'info',
});
