import { Link } from 'react-router';
import { ThemeSwitch } from '../theme/theme-switch';

export function NotFoundPage() {
  return (
    <main className="not-found">
      <h1>Not found</h1>
      <p className="muted">There is nothing at this address.</p>
      <Link className="button button--primary" to="/messages">
        Go to your messages
      </Link>
      <ThemeSwitch />
    </main>
  );
}
