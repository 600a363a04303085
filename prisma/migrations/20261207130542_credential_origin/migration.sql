-- A credential belongs to the origin of the endpoint it was entered for (docs/decisions/0019).
-- Existing rows are bound at the next start (server/src/vault/credential-origins.ts): the origin
-- is computed from the endpoint's current base URL with the same URL parser the gateway checks
-- against, and the secret is sealed again with that origin in its associated data. Until then
-- (origin NULL) the gateway sends nothing with the credential.

-- AlterTable
ALTER TABLE "api_credentials" ADD COLUMN     "origin" TEXT,
ADD COLUMN     "status_reason" TEXT;
