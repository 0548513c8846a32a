/** What one account screen tells the next one through the router (never secrets). */
export interface AccountState {
  email?: string;
  /** A sentence for the sign-in page: "Your account is confirmed. Sign in." */
  notice?: string;
  from?: string;
}
