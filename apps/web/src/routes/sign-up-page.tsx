import {
  displayNameProblem,
  emailProblem,
  handleProblem,
  normalizeDisplayName,
  normalizeEmail,
  normalizeHandle,
  passwordProblems,
} from '@cruddur/validators';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuthStore } from '../auth/auth-context';
import { signUp } from '../auth/cognito-accounts';
import { rememberSignUp } from '../auth/pending-sign-in';
import { FormField } from '../components/form-field';
import { PasswordRules } from '../components/password-rules';
import { ThemeSwitch } from '../theme/theme-switch';
import type { AccountState } from './account-notice';
import { useAccountForm, type FieldErrors } from './use-account-form';

const sentence = (problem: string) => `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;

/** `/signup`: email, handle, display name and a password meeting the pool's policy. */
export function SignUpPage() {
  const store = useAuthStore();
  const navigate = useNavigate();
  const [values, setValues] = useState({ email: '', handle: '', displayName: '', password: '' });
  const { errors, setErrors, busy, run } = useAccountForm();
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));
  const handle = normalizeHandle(values.handle);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = normalizeEmail(values.email);
    const displayName = normalizeDisplayName(values.displayName);
    const found: FieldErrors = {};
    const emailIssue = emailProblem(email);
    if (emailIssue) found.email = sentence(`email ${emailIssue}`);
    const handleIssue = handleProblem(handle);
    if (handleIssue) found.handle = sentence(`handle ${handleIssue}`);
    const nameIssue = displayNameProblem(displayName);
    if (nameIssue) found.displayName = sentence(`name ${nameIssue}`);
    const missing = passwordProblems(values.password);
    if (missing.length) found.password = `The password still needs ${missing.join(', ')}.`;
    setErrors(found);
    if (Object.keys(found).length) return;
    await run(async () => {
      await signUp(await store.cognitoSettings(), {
        email,
        handle,
        displayName,
        password: values.password,
      });
      rememberSignUp(email, values.password);
      const state: AccountState = { email };
      void navigate('/confirm', { state });
    });
  };

  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={(event) => void onSubmit(event)} noValidate>
        <p className="brand brand--large" aria-hidden="true">
          Cruddur
        </p>
        <h1>Create your account</h1>
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
          value={values.email}
          onChange={set('email')}
          error={errors.email}
        />
        <FormField
          label="Handle"
          name="handle"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={values.handle}
          onChange={set('handle')}
          error={errors.handle}
          hint={
            handle
              ? `People find and write to you as @${handle}.`
              : 'Letters a–z, digits and _, up to 64.'
          }
        />
        <FormField
          label="Display name"
          name="displayName"
          autoComplete="name"
          value={values.displayName}
          onChange={set('displayName')}
          error={errors.displayName}
        />
        <FormField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={errors.password}
          hint={<PasswordRules password={values.password} />}
        />
        <button type="submit" className="button button--primary button--wide" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
        <p className="muted small">
          Have an account? <Link to="/signin">Sign in</Link>
        </p>
      </form>
      <ThemeSwitch />
    </main>
  );
}
