-- CreateTable
CREATE TABLE "upstream_calls" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "company_id" UUID NOT NULL,
    "user_id" UUID,
    "role_id" UUID,
    "endpoint_id" UUID NOT NULL,
    "credential_id" UUID,
    "operation_key" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "status" INTEGER,
    "duration_ms" DOUBLE PRECISION NOT NULL,
    "attempts" INTEGER NOT NULL,
    "cached" BOOLEAN NOT NULL,
    "bytes" INTEGER NOT NULL,
    "request_id" TEXT,

    CONSTRAINT "upstream_calls_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "upstream_calls_company_id_created_at_idx" ON "upstream_calls"("company_id", "created_at");

-- CreateIndex
CREATE INDEX "upstream_calls_endpoint_id_created_at_idx" ON "upstream_calls"("endpoint_id", "created_at");
