import { NewRecordPage, newRecordMetadata } from "@/components/records/record-form-page";

export const metadata = newRecordMetadata("actor");

export default function Page() {
  return <NewRecordPage type="actor" />;
}
