/**
 * Where local services and programs listen. Loopback unless the environment says otherwise
 * (`BIND_HOST=0.0.0.0` exposes them to the network): DynamoDB Local accepts any credentials, so a
 * service on every interface would let anyone nearby read every private message.
 */
export const LOOPBACK = '127.0.0.1';

export function bindHost(env: NodeJS.ProcessEnv = process.env): string {
  return env.BIND_HOST?.trim() || LOOPBACK;
}
