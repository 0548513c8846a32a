export { startLocalStack, type LocalStack, type LocalStackOptions } from './start-local-stack';
export { REPO_ROOT } from './paths';
