-- Tenant isolation, the second time: PostgreSQL row-level security on every table that holds a
-- company's rows (docs/decisions/0009-row-level-security.md). The policy layer already scopes
-- every query; these policies make a missed `where companyId` return nothing instead of
-- another company's rows. They bind the application's role (tessera_app, neither owner nor
-- superuser: server/src/db/row-security/app-role.ts); the owner that runs migrations and the
-- CLI's maintenance is not bound (no FORCE), so it can repair and verify.
--
-- What a statement may see comes from two settings, set on the connection before each
-- statement by server/src/db/row-security/scoped-adapter.ts:
--   tessera.company_ids    comma-separated company ids (the caller's companies)
--   tessera.all_companies  'on' for platform administrators and background work
-- Nothing set (a new connection, a forgotten scope) means no company's rows.

CREATE FUNCTION "tessera_company_visible"(company UUID) RETURNS BOOLEAN
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE(current_setting('tessera.all_companies', true), '') = 'on'
      OR company = ANY (string_to_array(NULLIF(current_setting('tessera.company_ids', true), ''), ',')::uuid[])
$$;

-- Tables with a company_id column: one policy for every command.
ALTER TABLE "user_company_access" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "user_company_access" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "api_endpoints" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "api_endpoints" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "api_credentials" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "api_credentials" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "role_api_permissions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "role_api_permissions" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "upstream_calls" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "upstream_calls" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "conversations" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "conversations" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "pending_actions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "pending_actions" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "webhook_subscriptions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "webhook_subscriptions" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

-- Tables whose company is their parent's: visible exactly when the parent row is (the parent's
-- own policy applies inside the subquery).
ALTER TABLE "endpoint_operations" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "endpoint_operations"
  USING (EXISTS (SELECT 1 FROM "api_endpoints" e WHERE e.id = endpoint_id))
  WITH CHECK (EXISTS (SELECT 1 FROM "api_endpoints" e WHERE e.id = endpoint_id));

ALTER TABLE "messages" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "messages"
  USING (EXISTS (SELECT 1 FROM "conversations" c WHERE c.id = conversation_id))
  WITH CHECK (EXISTS (SELECT 1 FROM "conversations" c WHERE c.id = conversation_id));

ALTER TABLE "webhook_deliveries" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "webhook_deliveries"
  USING (EXISTS (SELECT 1 FROM "webhook_subscriptions" s WHERE s.id = subscription_id))
  WITH CHECK (EXISTS (SELECT 1 FROM "webhook_subscriptions" s WHERE s.id = subscription_id));

-- The audit trail: read within scope; platform rows (no company: sign-ins) are read only with
-- every company in scope but may be written from any request (a failed sign-in has no scope).
-- No UPDATE or DELETE policy: with row security on, the application can change no row (the
-- append-only trigger of 20261128213300 refuses it for everyone else).
ALTER TABLE "audit_logs" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows_read" ON "audit_logs" FOR SELECT USING (tessera_company_visible(company_id));
CREATE POLICY "company_rows_insert" ON "audit_logs" FOR INSERT WITH CHECK (company_id IS NULL OR tessera_company_visible(company_id));

-- The chain trigger reads the last row of a chain the inserting scope may not see (the platform
-- chain, for a sign-in): it runs as the owner, which row security does not bind.
ALTER FUNCTION "audit_logs_chain"() SECURITY DEFINER SET search_path = pg_catalog, public;
