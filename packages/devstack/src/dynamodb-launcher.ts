import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JAVA_HELP } from './java';

const SOURCE = fileURLToPath(new URL('../java/LoopbackDynamoDBLocal.java', import.meta.url));
export const LAUNCHER_CLASS = 'LoopbackDynamoDBLocal';

/**
 * The folder holding the compiled launcher that makes DynamoDB Local listen on one address (see
 * java/LoopbackDynamoDBLocal.java). It is compiled with the machine's javac on first use and kept
 * in the temporary folder, keyed by its source and the jar it drives.
 */
export function loopbackLauncher(classpath: string): string {
  const source = readFileSync(SOURCE);
  const key = createHash('sha256').update(source).update(classpath).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `cruddur-dynamodb-launcher-${key}`);
  if (existsSync(join(dir, `${LAUNCHER_CLASS}.class`))) return dir;

  const work = mkdtempSync(`${dir}-`);
  const result = spawnSync('javac', ['--release', '17', '-d', work, '-cp', classpath, SOURCE], {
    encoding: 'utf8',
  });
  if (result.error || result.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    const detail = result.error ? result.error.message : result.stderr.trim();
    throw new Error(
      `keeping DynamoDB Local on loopback needs javac (a JDK, not only a JRE): ${detail}. ${JAVA_HELP} ` +
        'Or set BIND_HOST=0.0.0.0 to let it listen on every interface.',
    );
  }
  try {
    renameSync(work, dir);
  } catch {
    // Another process compiled it at the same moment: theirs is as good.
    rmSync(work, { recursive: true, force: true });
  }
  return dir;
}
