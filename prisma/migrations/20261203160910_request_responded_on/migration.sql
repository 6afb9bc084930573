-- AlterTable
ALTER TABLE "DiplomaticRequest" ADD COLUMN     "respondedOn" DATE,
ADD COLUMN     "respondedOnPrecision" "DatePrecision";

