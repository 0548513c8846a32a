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
import { AccountCard, EmailField, NewPasswordField, SubmitButton } from './account-card';
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
    <AccountCard
      title="Create your account"
      error={errors.form}
      onSubmit={(event) => void onSubmit(event)}
    >
      <EmailField value={values.email} onChange={set('email')} error={errors.email} />
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
      <NewPasswordField
        label="Password"
        value={values.password}
        onChange={set('password')}
        error={errors.password}
      />
      <SubmitButton busy={busy} busyLabel="Creating your account…">
        Create account
      </SubmitButton>
      <p className="muted small">
        Have an account? <Link to="/signin">Sign in</Link>
      </p>
    </AccountCard>
  );
}
