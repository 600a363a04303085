// Every table of the modules that holds secrets the vault sealed, registered with the vault
// (vault/sealed-tables.ts) so that key rotation re-seals them and the start-up key check counts
// them. The composition roots (tessera.ts, cli/tessera.ts) call this before either runs; a module
// that stores a new sealed secret adds its table here.
import { registerSealedSecretTable } from '../vault/sealed-tables.ts';
import { identityProviderSecretTable } from './identity-provider/identity-provider.keys.ts';
import { inboundWebhookSecretTable } from './inbound-webhook/inbound-webhook.keys.ts';
import { oauthAppSecretTable } from './oauth-connect/oauth-app.keys.ts';
import { webhookSecretTable } from './webhook/webhook.keys.ts';

export function registerSealedSecretTables(): void {
  registerSealedSecretTable(webhookSecretTable);
  registerSealedSecretTable(inboundWebhookSecretTable);
  registerSealedSecretTable(oauthAppSecretTable);
  registerSealedSecretTable(identityProviderSecretTable);
}
