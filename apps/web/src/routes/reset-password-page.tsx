import { normalizeEmail, passwordProblems } from '@cruddur/validators';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuthStore } from '../auth/auth-context';
import { confirmForgotPassword } from '../auth/cognito-accounts';
import { AccountCard, CodeField, EmailField, NewPasswordField, SubmitButton } from './account-card';
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
    <AccountCard title="Choose a new password" error={errors.form} onSubmit={onSubmit}>
      <EmailField
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
      />
      <CodeField
        label="Reset code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={errors.code}
      />
      <NewPasswordField
        label="New password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      <SubmitButton busy={busy} busyLabel="Saving…">
        Save and sign in
      </SubmitButton>
      <p className="muted small">
        No code?{' '}
        <Link to="/forgot-password" state={{ email }}>
          Send another
        </Link>
      </p>
    </AccountCard>
  );
}
