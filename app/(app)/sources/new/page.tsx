import { NewRecordPage, newRecordMetadata } from "@/components/records/record-form-page";

export const metadata = newRecordMetadata("source");

export default function Page() {
  return <NewRecordPage type="source" />;
}
