import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** A labelled input whose error (and any hint) is tied to it for screen readers. */
export function FormField({
  label,
  error,
  hint,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  error?: string | null;
  hint?: ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint && (
        <div id={hintId} className="field-hint muted small">
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="field-error small" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
