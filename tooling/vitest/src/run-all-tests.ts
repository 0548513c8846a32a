/**
 * `pnpm test`: runs every package's `test` task through turbo, then adds up the JSON results the
 * suites left behind and prints one closing line, `N passed, N failed`, over all of them. A package
 * whose suite crashed before reporting counts as one failure, so a broken setup cannot look green.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const root = join(import.meta.dirname, '../../..');
// The workspace's packages, from pnpm-workspace.yaml's globs (`apps/*`) and plain folders (`e2e`).
const workspaceFile = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
const packagesBlock = /^packages:\n((?:\s+-.*\n?)+)/m.exec(workspaceFile)?.[1] ?? '';
const workspaceDirs = packagesBlock
  .split('\n')
  .map((line) => /^\s+-\s+['"]?([^'"\s]+)['"]?\s*$/.exec(line)?.[1])
  .filter((glob): glob is string => glob !== undefined)
  .flatMap((glob) =>
    glob.endsWith('/*')
      ? readdirSync(join(root, glob.slice(0, -2))).map((name) =>
          join(root, glob.slice(0, -2), name),
        )
      : [join(root, glob)],
  )
  .filter((dir) => existsSync(join(dir, 'package.json')));

const suites = workspaceDirs.filter((dir) => {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return Boolean(pkg.scripts?.test);
});

for (const dir of suites) rmSync(join(dir, '.test-results'), { recursive: true, force: true });

const turbo = spawnSync(
  'pnpm',
  [
    'exec',
    'turbo',
    'run',
    'test',
    '--continue',
    '--concurrency=1',
    '--output-logs=full',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
  },
);

function readTally(dir: string): Tally | undefined {
  const vitestFile = join(dir, '.test-results/vitest.json');
  const playwrightFile = join(dir, '.test-results/playwright.json');
  if (existsSync(vitestFile)) {
    const r = JSON.parse(readFileSync(vitestFile, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      testResults: { status: string }[];
      success: boolean;
    };
    // A test file that fails to load has no tests but a failed status, and a run can fail outside
    // any file (setup, an unhandled error): each counts, so a broken suite cannot total zero failures.
    const brokenFiles = r.testResults.filter((f) => f.status === 'failed').length;
    const unexplained = r.success || r.numFailedTests > 0 || brokenFiles > 0 ? 0 : 1;
    return {
      passed: r.numPassedTests,
      failed: Math.max(r.numFailedTests, r.numFailedTests === 0 ? brokenFiles : 0) + unexplained,
      skipped: r.numPendingTests + r.numTodoTests,
    };
  }
  if (existsSync(playwrightFile)) {
    const r = JSON.parse(readFileSync(playwrightFile, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      errors?: unknown[];
    };
    const setupErrors = r.stats.unexpected === 0 && (r.errors?.length ?? 0) > 0 ? 1 : 0;
    return {
      passed: r.stats.expected + r.stats.flaky,
      failed: r.stats.unexpected + setupErrors,
      skipped: r.stats.skipped,
    };
  }
  return undefined;
}

const total: Tally = { passed: 0, failed: 0, skipped: 0 };
console.log('\nTest summary');
for (const dir of suites) {
  const name = relative(root, dir);
  const tally = readTally(dir) ?? { passed: 0, failed: 1, skipped: 0 };
  const note = readTally(dir) ? '' : '  (suite did not report: it crashed or did not start)';
  console.log(`  ${name.padEnd(24)} ${tally.passed} passed, ${tally.failed} failed${note}`);
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
}
const failedOverall = total.failed > 0 || turbo.status !== 0;
if (total.failed === 0 && turbo.status !== 0) total.failed = 1;
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(failedOverall ? 1 : 0);
