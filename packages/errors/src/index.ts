export { NETWORK_ERROR_CODES } from './network-errors';
export { isNetworkError, isTransientError, TransientError } from './transient-error';
