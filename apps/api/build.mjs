// Bundles the Node server and the Lambda handler into dist/ (single ESM files, dependencies included).
import process from 'node:process';
import { build } from 'esbuild';

const result = await build({
  entryPoints: { server: 'src/server.ts', lambda: 'src/lambda.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  minify: false,
  metafile: true,
  // pg-native is an optional native driver pg never loads unless asked; pino-pretty is dev-only.
  external: ['pg-native', 'pino-pretty'],
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
  if (file.endsWith('.mjs')) process.stdout.write(`${file}  ${(bytes / 1024).toFixed(0)} KiB\n`);
}
