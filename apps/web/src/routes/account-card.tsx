import type { ComponentProps, FormEvent, ReactNode } from 'react';
import { FormField } from '../components/form-field';
import { PasswordRules } from '../components/password-rules';
import { ThemeSwitch } from '../theme/theme-switch';

/**
 * The frame of every account screen (sign-in, sign-up, confirmation, password reset): the brand,
 * the screen's one h1 and a line under it, the form's own error as an alert (with a way out of it,
 * `errorAction`), the fields and links (`children`), and the theme switch under the card.
 */
export function AccountCard({
  title,
  intro,
  error,
  errorAction,
  onSubmit,
  children,
}: {
  title: string;
  intro?: string;
  error?: string | null;
  errorAction?: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <main className="sign-in">
      <form className="sign-in__card" onSubmit={onSubmit} noValidate>
        {/* The h1 says it; the lettering is the brand, not a second heading to read out. */}
        <p className="brand brand--large" aria-hidden="true">
          Cruddur
        </p>
        <h1>{title}</h1>
        {intro && <p className="muted">{intro}</p>}
        {error && (
          <div role="alert" className="banner banner--error">
            <p>{error}</p>
            {errorAction && <p>{errorAction}</p>}
          </div>
        )}
        {children}
      </form>
      <ThemeSwitch />
    </main>
  );
}

type FieldProps = Omit<ComponentProps<typeof FormField>, 'label' | 'name'>;

/** The account's email, the same on every screen that asks for it. */
export function EmailField(props: FieldProps) {
  return <FormField label="Email" name="email" type="email" autoComplete="email" {...props} />;
}

/** A code from the email: a phone's digit keyboard, and the system may offer it from the mail. */
export function CodeField({ label, ...props }: FieldProps & { label: string }) {
  return (
    <FormField
      label={label}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      {...props}
    />
  );
}

/** A password being chosen, with the pool's policy as a checklist ticking off while typing. */
export function NewPasswordField({
  label,
  ...props
}: FieldProps & { label: string; value: string }) {
  return (
    <FormField
      label={label}
      name="password"
      type="password"
      autoComplete="new-password"
      hint={<PasswordRules password={props.value} />}
      {...props}
    />
  );
}

/** The screen's one action; while it runs it says what is happening, and cannot be pressed again. */
export function SubmitButton({
  busy,
  busyLabel,
  children,
}: {
  busy: boolean;
  busyLabel: string;
  children: ReactNode;
}) {
  return (
    <button type="submit" className="button button--primary button--wide" disabled={busy}>
      {busy ? busyLabel : children}
    </button>
  );
}
