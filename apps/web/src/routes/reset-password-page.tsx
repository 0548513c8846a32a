import { normalizeEmail, passwordProblems } from '@cruddur/validators';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuthStore } from '../auth/auth-context';
import { confirmForgotPassword } from '../auth/cognito-accounts';
import { FormField } from '../components/form-field';
import { PasswordRules } from '../components/password-rules';
import { ThemeSwitch } from '../theme/theme-switch';
import type { AccountState } from './account-notice';
import { useAccountForm } from './use-account-form';

/** `/reset-password`: the reset code and a new password; then signed in with it. */
export function ResetPasswordPage() {
  const store = useAuthStore();
  const navigate = useNavigate();
  const state = useLocation().state as AccountState | null;
  const [email, setEmail] = useState(state?.email ?? '');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const { errors, setErrors, busy, run } = useAccountForm();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = normalizeEmail(email);
    const missing = passwordProblems(password);
    if (!address || !code.trim()) {
      setErrors({ form: 'Enter your email and the code we sent you.' });
      return;
    }
    if (missing.length) {
      setErrors({ password: `The password still needs ${missing.join(', ')}.` });
      return;
    }
    void run(async () => {
      await confirmForgotPassword(await store.cognitoSettings(), address, code.trim(), password);
      await store.signIn(address, password);
      void navigate('/messages', { replace: true });
    });
  };

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={onSubmit} noValidate>
        <p className="brand brand--large" aria-hidden="true">
          Cruddur
        </p>
        <h1>Choose a new password</h1>
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
        <FormField
          label="Reset code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={errors.code}
        />
        <FormField
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
          hint={<PasswordRules password={password} />}
        />
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? 'Saving…' : 'Save and sign in'}
        </button>
        <p className="muted small">
          No code?{' '}
          <Link to="/forgot-password" state={{ email }}>
            Send another
          </Link>
        </p>
      </form>
      <ThemeSwitch />
    </main>
  );
}
