import { normalizeEmail } from '@cruddur/validators';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuthStore } from '../auth/auth-context';
import { confirmSignUp, resendConfirmationCode } from '../auth/cognito-accounts';
import { takeSignUpPassword } from '../auth/pending-sign-in';
import { AccountCard, CodeField, EmailField, SubmitButton } from './account-card';
import type { AccountState } from './account-notice';
import { useAccountForm } from './use-account-form';

/** `/confirm`: the code Cognito emailed (printed by `pnpm dev` locally), and a way to get another. */
export function ConfirmSignUpPage() {
  const store = useAuthStore();
  const navigate = useNavigate();
  const state = useLocation().state as AccountState | null;
  const [email, setEmail] = useState(state?.email ?? '');
  const [code, setCode] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const { errors, setErrors, busy, run } = useAccountForm();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = normalizeEmail(email);
    if (!address || !code.trim()) {
      setErrors({ form: 'Enter your email and the code we sent you.' });
      return;
    }
    void run(async () => {
      await confirmSignUp(await store.cognitoSettings(), address, code.trim());
      const password = takeSignUpPassword(address);
      if (password) {
        await store.signIn(address, password);
        void navigate('/messages', { replace: true });
      } else {
        const next: AccountState = {
          email: address,
          notice: 'Your account is confirmed. Sign in.',
        };
        void navigate('/signin', { replace: true, state: next });
      }
    });
  };

  const resend = () =>
    void run(async () => {
      setSent(null);
      await resendConfirmationCode(await store.cognitoSettings(), normalizeEmail(email));
      setSent(`We sent a new code to ${normalizeEmail(email)}.`);
    });

  return (
    <AccountCard
      title="Confirm your email"
      intro="Enter the code we sent to your email address."
      error={errors.form}
      onSubmit={onSubmit}
    >
      {sent && (
        <div role="status" className="banner banner--info">
          <p>{sent}</p>
        </div>
      )}
      <EmailField
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
      />
      <CodeField
        label="Confirmation code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={errors.code}
      />
      <SubmitButton busy={busy} busyLabel="Confirming…">
        Confirm
      </SubmitButton>
      <button
        type="button"
        className="button button--ghost"
        onClick={resend}
        disabled={busy || !email}
      >
        Send a new code
      </button>
      <p className="muted small">
        Confirmed already? <Link to="/signin">Sign in</Link>
      </p>
    </AccountCard>
  );
}
