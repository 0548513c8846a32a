import { emailProblem, normalizeEmail } from '@cruddur/validators';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuthStore } from '../auth/auth-context';
import { forgotPassword } from '../auth/cognito-accounts';
import { FormField } from '../components/form-field';
import { ThemeSwitch } from '../theme/theme-switch';
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
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={onSubmit} noValidate>
        <p className="brand brand--large" aria-hidden="true">
          Cruddur
        </p>
        <h1>Reset your password</h1>
        <p className="muted">We will send a code to your email address.</p>
        {errors.form && (
          <div role="alert" className="banner banner--error">
            <p>{errors.form}</p>
          </div>
        )}
        <FormField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={errors.email}
        />
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? 'Sending…' : 'Send the code'}
        </button>
        <p className="muted small">
          Remembered it? <Link to="/signin">Sign in</Link>
        </p>
      </form>
      <ThemeSwitch />
    </main>
  );
}
