import { NewRecordPage, newRecordMetadata } from "@/components/records/record-form-page";

export const metadata = newRecordMetadata("transfer");

export default function Page() {
  return <NewRecordPage type="transfer" />;
}
