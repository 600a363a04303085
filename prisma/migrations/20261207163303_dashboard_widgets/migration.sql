-- CreateTable
CREATE TABLE "dashboard_widgets" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "operation_key" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "fan_out" JSONB,
    "expression" TEXT NOT NULL,
    "format" TEXT,
    "unit" TEXT,
    "colours" JSONB NOT NULL DEFAULT '{}',
    "position" INTEGER NOT NULL DEFAULT 0,
    "refresh_seconds" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dashboard_widgets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dashboard_widget_roles" (
    "widget_id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "role_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "dashboard_widget_roles_pkey" PRIMARY KEY ("widget_id","role_id")
);

-- CreateIndex
CREATE INDEX "dashboard_widgets_endpoint_id_company_id_idx" ON "dashboard_widgets"("endpoint_id", "company_id");

-- CreateIndex
CREATE INDEX "dashboard_widgets_endpoint_id_operation_key_idx" ON "dashboard_widgets"("endpoint_id", "operation_key");

-- CreateIndex
CREATE UNIQUE INDEX "dashboard_widgets_company_id_endpoint_id_operation_key_key_key" ON "dashboard_widgets"("company_id", "endpoint_id", "operation_key", "key");

-- CreateIndex
CREATE UNIQUE INDEX "dashboard_widgets_id_company_id_key" ON "dashboard_widgets"("id", "company_id");

-- CreateIndex
CREATE INDEX "dashboard_widget_roles_role_id_idx" ON "dashboard_widget_roles"("role_id");

-- CreateIndex
CREATE INDEX "dashboard_widget_roles_company_id_idx" ON "dashboard_widget_roles"("company_id");

-- AddForeignKey
ALTER TABLE "dashboard_widgets" ADD CONSTRAINT "dashboard_widgets_endpoint_id_company_id_fkey" FOREIGN KEY ("endpoint_id", "company_id") REFERENCES "api_endpoints"("id", "company_id") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "dashboard_widgets" ADD CONSTRAINT "dashboard_widgets_endpoint_id_operation_key_fkey" FOREIGN KEY ("endpoint_id", "operation_key") REFERENCES "endpoint_operations"("endpoint_id", "key") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dashboard_widget_roles" ADD CONSTRAINT "dashboard_widget_roles_widget_id_company_id_fkey" FOREIGN KEY ("widget_id", "company_id") REFERENCES "dashboard_widgets"("id", "company_id") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "dashboard_widget_roles" ADD CONSTRAINT "dashboard_widget_roles_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What a widget may be (Prisma leaves CHECK constraints alone); the service says the same in words.
ALTER TABLE "dashboard_widgets" ADD CONSTRAINT "dashboard_widgets_kind_check" CHECK ("kind" IN ('STAT', 'DELTA', 'BAR', 'LINE', 'PIE', 'DONUT', 'TABLE', 'LIST'));
ALTER TABLE "dashboard_widgets" ADD CONSTRAINT "dashboard_widgets_format_check" CHECK ("format" IS NULL OR "format" IN ('CURRENCY', 'PERCENT', 'COUNT', 'DURATION'));

-- Row-level security, as for every company table (20261129000000_row_level_security).
ALTER TABLE "dashboard_widgets" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "dashboard_widgets" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "dashboard_widget_roles" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "dashboard_widget_roles" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));
