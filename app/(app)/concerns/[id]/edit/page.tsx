import { EditRecordPage, editRecordMetadata } from "@/components/records/record-form-page";

export const metadata = editRecordMetadata("concern");

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <EditRecordPage type="concern" params={params} />;
}
