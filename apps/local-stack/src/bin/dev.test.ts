import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths';

interface Dev {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
}

const dataDirs: string[] = [];
afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** `pnpm dev` as a person starts it, on free ports and a data folder of its own. */
async function startDev(): Promise<Dev> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cruddur-dev-test-'));
  // As root, PostgreSQL runs as the postgres user, who must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  dataDirs.push(dataDir);
  const child = spawn('pnpm', ['dev', '--quiet', '--free-ports', '--data-dir', dataDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const deadline = Date.now() + 180_000;
  while (!output.includes('Cruddur Messages is running')) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`pnpm dev did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, output: () => output, exit };
}

/** Every process below `root`, from /proc: what must be gone once pnpm dev has stopped. */
function descendants(root: number): { pid: number; cmd: string }[] {
  const parents = new Map<number, number[]>();
  const cmds = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(
        /^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))![1],
      );
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
      cmds.set(Number(entry), readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' '));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: { pid: number; cmd: string }[] = [];
  const walk = (pid: number) => {
    for (const child of parents.get(pid) ?? []) {
      found.push({ pid: child, cmd: cmds.get(child) ?? '' });
      walk(child);
    }
  };
  walk(root);
  return found;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function allGone(pids: number[], timeoutMs = 30_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let alive = pids.filter(isAlive);
  while (alive.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    alive = pids.filter(isAlive);
  }
  return alive;
}

describe('pnpm dev as a supervisor', () => {
  it('stops every service and app when pnpm itself gets SIGTERM', async () => {
    const dev = await startDev();
    const children = descendants(dev.child.pid!);
    const names = children.map((c) => c.cmd).join('\n');
    for (const expected of [
      'DynamoDB',
      'postgres',
      'cognito-local',
      'server.ts',
      'poller-main.ts',
      'vite',
    ])
      expect(names).toContain(expected);

    dev.child.kill('SIGTERM');
    expect(await allGone(children.map((c) => c.pid))).toEqual([]);
  });

  it('says in one line which child died, stops the rest and exits 1', async () => {
    const dev = await startDev();
    const children = descendants(dev.child.pid!);
    const api = children.find((c) => c.cmd.includes('src/server.ts'))!;
    process.kill(api.pid, 'SIGKILL');

    expect(await dev.exit).toBe(1);
    expect(dev.output()).toMatch(
      /pnpm dev: api exited unexpectedly \(exit code none, killed by a signal\); stopping the whole stack\./,
    );
    expect(await allGone(children.map((c) => c.pid))).toEqual([]);
  });
});
