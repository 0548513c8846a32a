import { PASSWORD_RULES } from '@cruddur/validators';

/** The user pool's password policy as a checklist that ticks itself off while the password is typed. */
export function PasswordRules({ password }: { password: string }) {
  return (
    <ul className="password-rules" aria-label="Password must have">
      {PASSWORD_RULES.map((rule) => {
        const met = rule.met(password);
        return (
          <li key={rule.label} data-met={met}>
            <span aria-hidden="true">{met ? '✓' : '•'}</span> {rule.label}
            <span className="sr-only">{met ? ' (done)' : ' (missing)'}</span>
          </li>
        );
      })}
    </ul>
  );
}
