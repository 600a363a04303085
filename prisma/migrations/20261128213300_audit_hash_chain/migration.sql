-- The audit trail becomes append-only and hash-chained per company
-- (docs/decisions/0008-audit-hash-chain.md). Triggers and functions are not part of
-- schema.prisma, so they live only here; the columns and the index are in the schema.

-- AlterTable
ALTER TABLE "audit_logs" ADD COLUMN     "chain" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "prev_hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGINT NOT NULL DEFAULT 0;

-- One field of the canonical text: its UTF-8 length, a colon, the text; NULL is "-".
-- Length prefixes make the concatenation unambiguous. `pnpm tessera audit verify` rebuilds the
-- same text in TypeScript (server/src/modules/audit/audit-chain.ts): keep the two in step.
CREATE FUNCTION "audit_log_field"(value TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(value)::text || ':' || value END
$$;

CREATE FUNCTION "audit_log_hash"(
  chain TEXT, seq BIGINT, prev_hash TEXT, id BIGINT, created_at TIMESTAMPTZ, actor_id UUID,
  actor_email TEXT, company_id UUID, action TEXT, target_type TEXT, target_id TEXT,
  request_id TEXT, details JSONB
) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    'tessera-audit-v1',
    audit_log_field(chain),
    audit_log_field(seq::text),
    audit_log_field(prev_hash),
    audit_log_field(id::text),
    audit_log_field(round(extract(epoch FROM created_at) * 1000)::bigint::text),
    audit_log_field(actor_id::text),
    audit_log_field(actor_email),
    audit_log_field(company_id::text),
    audit_log_field(action),
    audit_log_field(target_type),
    audit_log_field(target_id),
    audit_log_field(request_id),
    audit_log_field(details::text)
  ), 'UTF8')), 'hex')
$$;

-- Chains every new row to the last row of its chain. The advisory lock (per chain, held until
-- the inserting transaction ends) makes concurrent writers of one chain queue up instead of
-- both reading the same previous row and forking the chain; the unique (chain, seq) index is
-- the backstop. The lock is taken before the read, and in READ COMMITTED each statement of
-- this function sees what committed before it, so the read sees the previous holder's row.
CREATE FUNCTION "audit_logs_chain"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
DECLARE
  last_seq BIGINT;
  last_hash TEXT;
BEGIN
  NEW.chain := COALESCE(NEW.company_id::text, 'platform');
  NEW.created_at := date_trunc('milliseconds', NEW.created_at);
  PERFORM pg_advisory_xact_lock(hashtextextended('tessera.audit_logs:' || NEW.chain, 0));
  SELECT l.seq, l.hash INTO last_seq, last_hash FROM audit_logs l WHERE l.chain = NEW.chain ORDER BY l.seq DESC LIMIT 1;
  NEW.seq := COALESCE(last_seq, 0) + 1;
  NEW.prev_hash := COALESCE(last_hash, repeat('0', 64));
  NEW.hash := audit_log_hash(NEW.chain, NEW.seq, NEW.prev_hash, NEW.id, NEW.created_at, NEW.actor_id, NEW.actor_email,
    NEW.company_id, NEW.action, NEW.target_type, NEW.target_id, NEW.request_id, NEW.details);
  RETURN NEW;
END
$$;

CREATE FUNCTION "audit_logs_append_only"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Audit rows are never changed or removed; see docs/decisions/0008-audit-hash-chain.md.';
END
$$;

-- Backfill: chain the rows written before this migration, in id order per chain.
UPDATE "audit_logs" SET "chain" = COALESCE("company_id"::text, 'platform'), "created_at" = date_trunc('milliseconds', "created_at");

DO $$
DECLARE
  r RECORD;
  current_chain TEXT;
  previous TEXT;
  n BIGINT;
BEGIN
  FOR r IN SELECT * FROM audit_logs ORDER BY chain, id LOOP
    IF current_chain IS DISTINCT FROM r.chain THEN
      current_chain := r.chain;
      previous := repeat('0', 64);
      n := 0;
    END IF;
    n := n + 1;
    UPDATE audit_logs
      SET seq = n, prev_hash = previous,
          hash = audit_log_hash(r.chain, n, previous, r.id, r.created_at, r.actor_id, r.actor_email,
            r.company_id, r.action, r.target_type, r.target_id, r.request_id, r.details)
      WHERE id = r.id
      RETURNING hash INTO previous;
  END LOOP;
END
$$;

-- CreateIndex
CREATE UNIQUE INDEX "audit_logs_chain_seq_key" ON "audit_logs"("chain", "seq");

CREATE TRIGGER "audit_logs_chain" BEFORE INSERT ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION "audit_logs_chain"();

CREATE TRIGGER "audit_logs_append_only" BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION "audit_logs_append_only"();

CREATE TRIGGER "audit_logs_no_truncate" BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_logs_append_only"();
