#!/usr/bin/env node
/**
 * Prints the gzip size of the production JavaScript: what the first page load downloads (the entry
 * script and the modules index.html preloads) and, separately, the chunks loaded per screen later.
 * Run after `vite build`: `node scripts/bundle-size.mjs` (add `--json` for a machine-readable line).
 */
import console from 'node:console';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'dist');
const json = process.argv.includes('--json');

/** @param {string} file */
function gzipKb(file) {
  return gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1000;
}

let html;
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch {
  console.error('bundle-size: dist/index.html not found; run `vite build` first');
  process.exit(1);
}

const initial = [
  ...html.matchAll(
    /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g,
  ),
].map((m) => m[1] ?? '');
const lazy = readdirSync(join(dist, 'assets'))
  .filter((name) => name.endsWith('.js'))
  .map((name) => `assets/${name}`)
  .filter((file) => !initial.includes(file));

const sum = (/** @type {string[]} */ files) =>
  files.reduce((total, file) => total + gzipKb(file), 0);
const initialKb = sum(initial);
const lazyKb = sum(lazy);

if (json) {
  console.log(
    JSON.stringify({
      initialGzipKb: +initialKb.toFixed(1),
      lazyGzipKb: +lazyKb.toFixed(1),
      initial,
      lazy,
    }),
  );
} else {
  console.log('JavaScript, gzip:');
  for (const file of initial)
    console.log(`  ${file.padEnd(48)} ${gzipKb(file).toFixed(1).padStart(6)} kB  initial`);
  for (const file of lazy)
    console.log(`  ${file.padEnd(48)} ${gzipKb(file).toFixed(1).padStart(6)} kB  on demand`);
  console.log(
    `initial load: ${initialKb.toFixed(1)} kB gzip; per-screen chunks: ${lazyKb.toFixed(1)} kB gzip in total`,
  );
}
