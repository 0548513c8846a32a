export { startLocalStack, type LocalStack, type LocalStackOptions } from './start-local-stack';
export { REPO_ROOT } from './paths';
/** One more API instance or web server beside a running stack (tests that stop and restart one). */
export { startApi, startWeb, type LogSink } from './app-processes';
