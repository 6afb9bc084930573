import { RecordListPage, recordListMetadata } from "@/components/lists/record-list-page";
import type { RawSearchParams } from "@/lib/lists/params";
import { loadRecordList } from "@/lib/pages/record-list";

export const metadata = recordListMetadata("sources");

export default async function SourceListPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return <RecordListPage {...await loadRecordList("sources", searchParams)} />;
}
