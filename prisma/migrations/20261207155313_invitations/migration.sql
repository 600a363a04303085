-- CreateTable
CREATE TABLE "invitations" (
    "id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "open_email" TEXT,
    "token_hash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "invited_by_id" UUID,
    "accepted_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitation_roles" (
    "invitation_id" UUID NOT NULL,
    "company_id" UUID NOT NULL,
    "role_id" UUID NOT NULL,

    CONSTRAINT "invitation_roles_pkey" PRIMARY KEY ("invitation_id","role_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invitations_token_hash_key" ON "invitations"("token_hash");

-- CreateIndex
CREATE INDEX "invitations_company_id_status_idx" ON "invitations"("company_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_company_id_open_email_key" ON "invitations"("company_id", "open_email");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_id_company_id_key" ON "invitations"("id", "company_id");

-- CreateIndex
CREATE INDEX "invitation_roles_role_id_idx" ON "invitation_roles"("role_id");

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_id_fkey" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation_roles" ADD CONSTRAINT "invitation_roles_invitation_id_company_id_fkey" FOREIGN KEY ("invitation_id", "company_id") REFERENCES "invitations"("id", "company_id") ON DELETE CASCADE ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "invitation_roles" ADD CONSTRAINT "invitation_roles_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The states an invitation can be in (Prisma leaves CHECK constraints alone).
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_status_check" CHECK ("status" IN ('pending', 'accepted', 'declined', 'revoked', 'expired'));

-- Row-level security, as for every company table (20261129000000_row_level_security). An
-- invitation is looked up by its token before anyone is known: that one read runs in the
-- system scope (modules/invitation), and what follows in the invitation's company's scope.
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "invitations" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));

ALTER TABLE "invitation_roles" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "company_rows" ON "invitation_roles" USING (tessera_company_visible(company_id)) WITH CHECK (tessera_company_visible(company_id));
