import { spawnSync } from 'node:child_process';

export const JAVA_HELP =
  'DynamoDB Local needs a Java 17+ JDK. Install it (Debian/Ubuntu: `apt-get install -y openjdk-17-jdk-headless`, ' +
  'macOS: `brew install openjdk@17`) or run the services in containers with `docker compose up`.';

/** Fails early, with the fix, when Java is missing or too old, instead of an opaque spawn error. */
export function assertJava(command = 'java'): void {
  const result = spawnSync(command, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(`Java was not found (\`${command} -version\` failed). ${JAVA_HELP}`);
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : 0;
  if (major < 17) throw new Error(`Java ${major || '(unknown version)'} was found. ${JAVA_HELP}`);
}
