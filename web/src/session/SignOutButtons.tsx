// The header's sign-out: "Sign out" ends this session on the server (logout) and then here;
// "Sign out everywhere" ends every session of the person (other browsers and devices too).
// The local token is dropped whatever the server answers: signing out must always work here,
// and a session the server already ended (UNAUTHENTICATED) is over anyway.
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { signOut } from './auth.ts';

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere($userId: ID) {
    signOutEverywhere(userId: $userId)
  }
`);

export { SignOutEverywhereMutation };

export function SignOutButtons() {
  const [logout, { loading }] = useMutation(LogoutMutation);
  const [everywhere] = useMutation(SignOutEverywhereMutation);

  const end = async (call: () => Promise<unknown>) => {
    await call().catch(() => undefined);
    signOut();
  };

  return (
    <>
      <ConfirmButton
        className=""
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        message={
          <p>
            Every browser and device signed in as you is signed out, this one too. Your access tokens keep working:
            revoke them on the Access tokens page.
          </p>
        }
        onConfirm={() => end(() => everywhere({ variables: { userId: null } }))}
      >
        Sign out everywhere
      </ConfirmButton>
      <button type="button" disabled={loading} onClick={() => void end(() => logout())}>
        Sign out
      </button>
    </>
  );
}
