import { describeApiError } from '../lib/api-errors';

/** An error announced to assistive technology, in words the user can act on, with an optional retry. */
export function ErrorBanner({
  error,
  message,
  onRetry,
}: {
  error?: unknown;
  message?: string;
  onRetry?: () => void;
}) {
  return (
    <div role="alert" className="banner banner--error">
      <p>{message ?? describeApiError(error)}</p>
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
