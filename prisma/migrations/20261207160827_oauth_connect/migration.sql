-- CreateTable
CREATE TABLE "oauth_apps" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "authorization_url" TEXT NOT NULL,
    "token_url" TEXT NOT NULL,
    "scopes" TEXT NOT NULL DEFAULT '',
    "token_auth_method" TEXT NOT NULL DEFAULT 'client_secret_post',
    "use_pkce" BOOLEAN NOT NULL DEFAULT true,
    "extra_authorize_params" JSONB,
    "client_id" TEXT NOT NULL,
    "secret_ciphertext" TEXT NOT NULL,
    "secret_key_id" TEXT NOT NULL,
    "hint" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "oauth_apps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oauth_connect_attempts" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "role_id" UUID,
    "app_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "credential_id" UUID,
    "return_to" TEXT NOT NULL,
    "redirect_uri" TEXT NOT NULL,
    "scopes" TEXT NOT NULL DEFAULT '',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "consumed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oauth_connect_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "oauth_apps_secret_key_id_idx" ON "oauth_apps"("secret_key_id");

-- CreateIndex
CREATE UNIQUE INDEX "oauth_apps_company_id_name_key" ON "oauth_apps"("company_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "oauth_apps_id_company_id_key" ON "oauth_apps"("id", "company_id");

-- CreateIndex
CREATE INDEX "oauth_connect_attempts_company_id_expires_at_idx" ON "oauth_connect_attempts"("company_id", "expires_at");

-- AddForeignKey
ALTER TABLE "oauth_apps" ADD CONSTRAINT "oauth_apps_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oauth_connect_attempts" ADD CONSTRAINT "oauth_connect_attempts_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oauth_connect_attempts" ADD CONSTRAINT "oauth_connect_attempts_endpoint_id_company_id_fkey" FOREIGN KEY ("endpoint_id", "company_id") REFERENCES "api_endpoints"("id", "company_id") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "oauth_connect_attempts" ADD CONSTRAINT "oauth_connect_attempts_app_id_company_id_fkey" FOREIGN KEY ("app_id", "company_id") REFERENCES "oauth_apps"("id", "company_id") ON DELETE CASCADE ON UPDATE RESTRICT;


-- Row-level security, as for every company table (20261129000000_row_level_security).
ALTER TABLE "oauth_apps" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "oauth_apps" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "oauth_connect_attempts" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "oauth_connect_attempts" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));
