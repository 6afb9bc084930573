import { NewRecordPage, newRecordMetadata } from "@/components/records/record-form-page";

export const metadata = newRecordMetadata("concern");

export default function Page() {
  return <NewRecordPage type="concern" />;
}
