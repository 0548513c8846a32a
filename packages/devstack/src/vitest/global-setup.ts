import type { TestProject } from 'vitest/node';
import { startServices, type ServiceName } from '../services';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Which services a package's suite needs: set in its vitest config under `test.provide`. */
    devstackServices: ServiceName[];
    devstackEnv: Record<string, string>;
  }
}

/** Starts the package's services once per test run on free ports and hands their env to every file. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const services = project.getProvidedContext().devstackServices;
  const running = await startServices({ services, databaseUrl: process.env.DATABASE_URL });
  project.provide('devstackEnv', running.env);
  return () => running.stop();
}
