/**
 * Where a person's profile lives in a Cognito user: the handle as `preferred_username` (so that
 * it can sign in with it), the display name as `name`. The pool's bootstrap, sign-up in the web
 * app and the test accounts all create users with these.
 */
export function profileAttributes(person: {
  email: string;
  handle: string;
  displayName: string;
}): { Name: string; Value: string }[] {
  return [
    { Name: 'email', Value: person.email },
    { Name: 'preferred_username', Value: person.handle },
    { Name: 'name', Value: person.displayName },
  ];
}
