-- AlterTable
ALTER TABLE "pending_actions" ADD COLUMN     "request" JSONB;
