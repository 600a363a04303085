-- AlterTable
ALTER TABLE "api_endpoints" ADD COLUMN     "auth" JSONB;
