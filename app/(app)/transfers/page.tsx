import { RecordListPage, recordListMetadata } from "@/components/lists/record-list-page";
import type { RawSearchParams } from "@/lib/lists/params";
import { loadRecordList } from "@/lib/pages/record-list";

export const metadata = recordListMetadata("transfers");

export default async function TransferListPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return <RecordListPage {...await loadRecordList("transfers", searchParams)} />;
}
