import { EditRecordPage, editRecordMetadata } from "@/components/records/record-form-page";

export const metadata = editRecordMetadata("quote");

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <EditRecordPage type="quote" params={params} />;
}
