import { NewRecordPage, newRecordMetadata } from "@/components/records/record-form-page";

export const metadata = newRecordMetadata("weaponSystem");

export default function Page() {
  return <NewRecordPage type="weaponSystem" />;
}
