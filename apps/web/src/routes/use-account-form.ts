import { useState } from 'react';
import { AccountError, type AccountField } from '../auth/cognito-accounts';

export type FieldErrors = Partial<Record<AccountField | 'form', string>>;

/** Busy state and per-field errors for an account screen's Cognito call. */
export function useAccountForm() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setErrors({});
    try {
      await work();
    } catch (failure) {
      const error = failure instanceof AccountError ? failure : null;
      setErrors({
        [error?.field ?? 'form']: error?.message ?? 'Something went wrong. Please try again.',
      });
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, run };
}
