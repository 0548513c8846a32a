export { handler, createHandler, livePublisher, type StreamHandler } from './handler';
export {
  processBatch,
  type ApplyRecords,
  type BatchResult,
  type RecordOutcome,
} from './process-batch';
export { startPoller, type Poller, type PollerOptions } from './poller/poller';
export { createLogger, type Logger } from './logger';
