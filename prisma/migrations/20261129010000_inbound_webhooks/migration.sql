-- Inbound webhooks (issue #7 item 5): the per-endpoint signing secret and the received ids that
-- make a replayed webhook-id a duplicate. Both carry company_id and are bound by row-level security.

-- CreateTable
CREATE TABLE "inbound_webhook_secrets" (
    "endpoint_id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "secret_ciphertext" TEXT NOT NULL,
    "secret_key_id" TEXT NOT NULL,
    "last_received_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "inbound_webhook_secrets_pkey" PRIMARY KEY ("endpoint_id")
);

-- CreateTable
CREATE TABLE "inbound_webhook_events" (
    "id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "webhook_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbound_webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "inbound_webhook_secrets_secret_key_id_idx" ON "inbound_webhook_secrets"("secret_key_id");

-- CreateIndex
CREATE UNIQUE INDEX "inbound_webhook_secrets_endpoint_id_company_id_key" ON "inbound_webhook_secrets"("endpoint_id", "company_id");

-- CreateIndex
CREATE INDEX "inbound_webhook_events_endpoint_id_received_at_idx" ON "inbound_webhook_events"("endpoint_id", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "inbound_webhook_events_endpoint_id_webhook_id_key" ON "inbound_webhook_events"("endpoint_id", "webhook_id");

-- AddForeignKey
ALTER TABLE "inbound_webhook_secrets" ADD CONSTRAINT "inbound_webhook_secrets_endpoint_id_company_id_fkey" FOREIGN KEY ("endpoint_id", "company_id") REFERENCES "api_endpoints"("id", "company_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbound_webhook_events" ADD CONSTRAINT "inbound_webhook_events_endpoint_id_company_id_fkey" FOREIGN KEY ("endpoint_id", "company_id") REFERENCES "api_endpoints"("id", "company_id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security, as for every company table (20261129000000_row_level_security).
ALTER TABLE "inbound_webhook_secrets" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "inbound_webhook_secrets" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "inbound_webhook_events" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "inbound_webhook_events" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));
