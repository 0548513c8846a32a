import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiClientContext } from './api-client';
import { createAppServices } from './app-services';
import { AuthProvider } from './auth/auth-context';
import { RequireAuth } from './auth/require-auth';
import { Loading } from './components/loading';
import { MessagesIndexPage } from './routes/messages-index-page';
import { NotFoundPage } from './routes/not-found-page';

/**
 * A screen that uses the API's React hooks, loaded together with them (in parallel: no extra
 * round trip). They are a chunk of their own, so the screens that use none never load it.
 */
function withApi(load: () => Promise<ComponentType>) {
  return lazy(async () => {
    const [Screen, { ApiProvider }] = await Promise.all([
      load(),
      import('./components/api-provider'),
    ]);
    return {
      default: () => (
        <ApiProvider>
          <Screen />
        </ApiProvider>
      ),
    };
  });
}

// Each screen is its own chunk: signing in does not download the messaging views, and the other way round.
const SignInPage = withApi(() => import('./routes/sign-in-page').then((m) => m.SignInPage));
const SignUpPage = lazy(() =>
  import('./routes/sign-up-page').then((m) => ({ default: m.SignUpPage })),
);
const ConfirmSignUpPage = lazy(() =>
  import('./routes/confirm-sign-up-page').then((m) => ({ default: m.ConfirmSignUpPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('./routes/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./routes/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })),
);
const MessagesLayout = withApi(() =>
  import('./routes/messages-layout').then((m) => m.MessagesLayout),
);
const ThreadPage = lazy(() =>
  import('./routes/thread-page').then((m) => ({ default: m.ThreadPage })),
);
const NewConversationPage = lazy(() =>
  import('./routes/new-conversation-page').then((m) => ({ default: m.NewConversationPage })),
);

export function App() {
  const [{ auth, trpcClient, queryClient }] = useState(() => createAppServices());
  return (
    <AuthProvider store={auth}>
      <ApiClientContext value={trpcClient}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/" element={<Navigate to="/messages" replace />} />
                <Route path="/signin" element={<SignInPage />} />
                <Route path="/signup" element={<SignUpPage />} />
                <Route path="/confirm" element={<ConfirmSignUpPage />} />
                <Route path="/forgot-password" element={<ForgotPasswordPage />} />
                <Route path="/reset-password" element={<ResetPasswordPage />} />
                <Route
                  path="/messages"
                  element={
                    <RequireAuth>
                      <MessagesLayout />
                    </RequireAuth>
                  }
                >
                  <Route index element={<MessagesIndexPage />} />
                  <Route path="new/:handle" element={<NewConversationPage />} />
                  <Route path=":groupUuid" element={<ThreadPage />} />
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </QueryClientProvider>
      </ApiClientContext>
    </AuthProvider>
  );
}
