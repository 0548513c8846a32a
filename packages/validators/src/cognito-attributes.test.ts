import { describe, expect, it } from 'vitest';
import { profileAttributes } from './cognito-attributes';

describe('profileAttributes', () => {
  it('puts the handle where handle sign-in finds it and the display name in name', () => {
    expect(
      profileAttributes({ email: 'ana@example.com', handle: 'ana', displayName: 'Ana Ruiz' }),
    ).toEqual([
      { Name: 'email', Value: 'ana@example.com' },
      { Name: 'preferred_username', Value: 'ana' },
      { Name: 'name', Value: 'Ana Ruiz' },
    ]);
  });
});
