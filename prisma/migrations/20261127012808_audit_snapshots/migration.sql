-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "snapshot" JSONB,
ADD COLUMN     "version" INTEGER;

