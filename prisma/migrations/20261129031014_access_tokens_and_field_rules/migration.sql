-- CreateTable
CREATE TABLE "access_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "read_only" BOOLEAN NOT NULL DEFAULT false,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "access_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operation_field_rules" (
    "id" UUID NOT NULL,
    "operation_id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "role_id" UUID NOT NULL,
    "mode" TEXT NOT NULL,
    "paths" TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "operation_field_rules_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "access_tokens_token_hash_key" ON "access_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "access_tokens_user_id_company_id_idx" ON "access_tokens"("user_id", "company_id");

-- CreateIndex
CREATE INDEX "access_tokens_company_id_idx" ON "access_tokens"("company_id");

-- CreateIndex
CREATE INDEX "operation_field_rules_endpoint_id_company_id_idx" ON "operation_field_rules"("endpoint_id", "company_id");

-- CreateIndex
CREATE INDEX "operation_field_rules_role_id_idx" ON "operation_field_rules"("role_id");

-- CreateIndex
CREATE UNIQUE INDEX "operation_field_rules_operation_id_role_id_key" ON "operation_field_rules"("operation_id", "role_id");

-- AddForeignKey
ALTER TABLE "access_tokens" ADD CONSTRAINT "access_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_tokens" ADD CONSTRAINT "access_tokens_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operation_field_rules" ADD CONSTRAINT "operation_field_rules_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "endpoint_operations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operation_field_rules" ADD CONSTRAINT "operation_field_rules_endpoint_id_company_id_fkey" FOREIGN KEY ("endpoint_id", "company_id") REFERENCES "api_endpoints"("id", "company_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "operation_field_rules" ADD CONSTRAINT "operation_field_rules_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as for every company table (20261129000000_row_level_security). An access
-- token is looked up by its hash before the caller (and so the scope) is known: that one read
-- runs in the system scope (server/src/auth), as loading the principal does.
ALTER TABLE "access_tokens" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "access_tokens" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "operation_field_rules" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "operation_field_rules" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));
