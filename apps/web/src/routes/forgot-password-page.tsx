import { emailProblem, normalizeEmail } from '@cruddur/validators';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuthStore } from '../auth/auth-context';
import { forgotPassword } from '../auth/cognito-accounts';
import { AccountCard, EmailField, SubmitButton } from './account-card';
import type { AccountState } from './account-notice';
import { useAccountForm } from './use-account-form';

/** `/forgot-password`: asks Cognito to send a reset code to the account's email. */
export function ForgotPasswordPage() {
  const store = useAuthStore();
  const navigate = useNavigate();
  const state = useLocation().state as AccountState | null;
  const [email, setEmail] = useState(state?.email ?? '');
  const { errors, setErrors, busy, run } = useAccountForm();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = normalizeEmail(email);
    const problem = emailProblem(address);
    if (problem) {
      setErrors({ email: `Email ${problem}.` });
      return;
    }
    void run(async () => {
      await forgotPassword(await store.cognitoSettings(), address);
      const next: AccountState = { email: address };
      void navigate('/reset-password', { state: next });
    });
  };

  return (
    <AccountCard
      title="Reset your password"
      intro="We will send a code to your email address."
      error={errors.form}
      onSubmit={onSubmit}
    >
      <EmailField
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
      />
      <SubmitButton busy={busy} busyLabel="Sending…">
        Send the code
      </SubmitButton>
      <p className="muted small">
        Remembered it? <Link to="/signin">Sign in</Link>
      </p>
    </AccountCard>
  );
}
