import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the suite's placeholder dist folders and cloud assemblies go; removed at the end. */
    infraScratchDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const scratch = mkdtempSync(join(tmpdir(), 'cruddur-infra-test-'));
  project.provide('infraScratchDir', scratch);
  return () => rmSync(scratch, { recursive: true, force: true });
}
