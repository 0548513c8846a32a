import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A child process whose recent output is kept for error messages and which is reliably stopped. */
export class ManagedProcess {
  private readonly child: ChildProcess;
  private readonly recent: string[] = [];
  private exited = false;
  readonly exit: Promise<number | null>;

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    options: SpawnOptions & { onOutput?: (line: string) => void } = {},
  ) {
    const { onOutput, ...spawnOptions } = options;
    // detached: a terminal's Ctrl-C reaches only the parent, which then stops its children in order.
    this.child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      ...spawnOptions,
    });
    const keep = (line: string) => {
      if (!line.trim()) return;
      this.recent.push(line);
      if (this.recent.length > 40) this.recent.shift();
      onOutput?.(line);
    };
    // Whole lines only: a chunk can end in the middle of one, which readers of the output
    // (readiness probes, cognito-local's code boxes) would otherwise see cut in two.
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', keep);
    }
    this.exit = new Promise((resolve) => {
      this.child.on('exit', (code) => {
        this.exited = true;
        resolve(code);
      });
      this.child.on('error', (error) => {
        this.exited = true;
        this.recent.push(error.message);
        resolve(null);
      });
    });
  }

  get alive(): boolean {
    return !this.exited;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  output(): string {
    return this.recent.join('\n');
  }

  /** SIGTERM to the child's whole process group (its own children too), SIGKILL after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.exited) return;
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(timer);
  }

  /** SIGKILL to the whole group, as a crash or an out-of-memory kill would: no chance to clean up. */
  async kill(): Promise<void> {
    if (this.exited) return;
    this.signal('SIGKILL');
    await this.exit;
  }

  private signal(signal: NodeJS.Signals): void {
    try {
      if (this.child.pid) process.kill(-this.child.pid, signal);
    } catch {
      this.child.kill(signal); // the group is already gone; make sure the child is too
    }
  }
}
