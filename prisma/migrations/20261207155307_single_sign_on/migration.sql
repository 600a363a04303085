-- AlterTable
ALTER TABLE "user_company_access" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'manual';

-- CreateTable
CREATE TABLE "identity_providers" (
    "company_id" UUID NOT NULL,
    "issuer_url" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "secret_ciphertext" TEXT,
    "secret_key_id" TEXT,
    "password_sign_in_allowed" BOOLEAN NOT NULL DEFAULT true,
    "just_in_time_provisioning" BOOLEAN NOT NULL DEFAULT false,
    "groups_claim" TEXT NOT NULL DEFAULT 'groups',
    "groups_only" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "identity_providers_pkey" PRIMARY KEY ("company_id")
);

-- CreateTable
CREATE TABLE "identity_provider_domains" (
    "domain" TEXT NOT NULL,
    "company_id" UUID NOT NULL,

    CONSTRAINT "identity_provider_domains_pkey" PRIMARY KEY ("domain")
);

-- CreateTable
CREATE TABLE "identity_provider_group_mappings" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "group_name" TEXT NOT NULL,
    "role_id" UUID NOT NULL,

    CONSTRAINT "identity_provider_group_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sso_sign_in_attempts" (
    "state_hash" TEXT NOT NULL,
    "company_id" UUID NOT NULL,
    "nonce" TEXT NOT NULL,
    "code_verifier" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "test_only" BOOLEAN NOT NULL DEFAULT false,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sso_sign_in_attempts_pkey" PRIMARY KEY ("state_hash")
);

-- CreateIndex
CREATE INDEX "identity_providers_secret_key_id_idx" ON "identity_providers"("secret_key_id");

-- CreateIndex
CREATE INDEX "identity_provider_domains_company_id_idx" ON "identity_provider_domains"("company_id");

-- CreateIndex
CREATE INDEX "identity_provider_group_mappings_role_id_idx" ON "identity_provider_group_mappings"("role_id");

-- CreateIndex
CREATE UNIQUE INDEX "identity_provider_group_mappings_company_id_group_name_role_key" ON "identity_provider_group_mappings"("company_id", "group_name", "role_id");

-- CreateIndex
CREATE INDEX "sso_sign_in_attempts_expires_at_idx" ON "sso_sign_in_attempts"("expires_at");

-- AddForeignKey
ALTER TABLE "identity_providers" ADD CONSTRAINT "identity_providers_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_provider_domains" ADD CONSTRAINT "identity_provider_domains_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "identity_providers"("company_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_provider_group_mappings" ADD CONSTRAINT "identity_provider_group_mappings_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "identity_providers"("company_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_provider_group_mappings" ADD CONSTRAINT "identity_provider_group_mappings_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row security (decision 0009): every table with a company. Sign-in itself runs as system work
-- (no person is known yet) and names the company it works for.
ALTER TABLE "identity_providers" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "identity_providers" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "identity_provider_domains" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "identity_provider_domains" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "identity_provider_group_mappings" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "identity_provider_group_mappings" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "sso_sign_in_attempts" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "sso_sign_in_attempts" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));
