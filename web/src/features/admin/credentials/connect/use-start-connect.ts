// Starting a Connect or Reconnect: the server answers the provider's consent page, and the
// browser goes there; the provider sends it back to /oauth/callback, which returns to this page.
import { useMutation } from '@apollo/client/react';
import type { StartOAuthConnectInput } from '../../../../gql/graphql.ts';
import { StartOAuthConnectMutation } from './connect-operations.ts';

export function useStartConnect() {
  const [start, { loading }] = useMutation(StartOAuthConnectMutation);
  const go = async (input: Omit<StartOAuthConnectInput, 'returnTo'>) => {
    const { data } = await start({ variables: { input: { ...input, returnTo: '/admin/credentials' } } });
    if (data) window.location.assign(data.startOAuthConnect.authorizationUrl);
  };
  return { start: go, starting: loading };
}
