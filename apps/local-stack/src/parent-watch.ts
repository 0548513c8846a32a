import { readFileSync } from 'node:fs';

/** The parent of `pid` as /proc tells it (Linux), or undefined where there is no /proc. */
function parentOf(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^PPid:\s+(\d+)$/m.exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Calls `onGone` once when the process that started this one goes away. pnpm does not pass
 * SIGTERM on to its script (it dies and leaves the script running under a shell or init), so the
 * parent *and* the grandparent (pnpm, above the shell that runs the script) are watched. Returns
 * a function that stops watching.
 */
export function watchParent(onGone: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  const watched = [parent, grandparent].filter(
    (pid): pid is number => pid !== undefined && pid > 1,
  );
  const timer = setInterval(() => {
    if (process.ppid !== parent || watched.some((pid) => !alive(pid))) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
