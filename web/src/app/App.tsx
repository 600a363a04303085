// The session decides what renders: the sign-in page, or the app with its routes. Each sign-in
// gets a fresh Apollo client (see session/apollo.ts).
import { ApolloProvider } from '@apollo/client/react';
import { BrowserRouter } from 'react-router';
import { CompanyProvider } from '../company/company-context.tsx';
import { AcceptInvitationPage, invitationTokenOf } from '../features/invite/AcceptInvitationPage.tsx';
import { SignInPage } from '../features/signin/SignInPage.tsx';
import { createApolloClient } from '../session/apollo.ts';
import { useToken } from '../session/auth.ts';
import { AppRoutes } from './routes.tsx';

// The client of the current token. Kept outside React on purpose: StrictMode mounts, unmounts
// and remounts effects, and an effect-owned client would be disposed of while still in use.
let current: { token: string | null; session: ReturnType<typeof createApolloClient> } | null = null;
function sessionFor(token: string | null) {
  if (current?.token !== token) {
    current?.session.dispose();
    current = { token, session: createApolloClient() };
  }
  return current.session;
}

export function App() {
  const token = useToken();
  const { client } = sessionFor(token);
  // An invitation link opens signed in or not: the person may have no account yet.
  const invitation = invitationTokenOf(window.location.pathname);
  if (invitation !== null) {
    return (
      <ApolloProvider client={client}>
        <AcceptInvitationPage token={invitation} />
      </ApolloProvider>
    );
  }
  return (
    <ApolloProvider client={client}>
      {token !== null ? (
        <BrowserRouter>
          <CompanyProvider>
            <AppRoutes />
          </CompanyProvider>
        </BrowserRouter>
      ) : (
        <SignInPage />
      )}
    </ApolloProvider>
  );
}
