import { RecordListPage, recordListMetadata } from "@/components/lists/record-list-page";
import type { RawSearchParams } from "@/lib/lists/params";
import { loadRecordList } from "@/lib/pages/record-list";

export const metadata = recordListMetadata("inspections");

export default async function InspectionListPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return <RecordListPage {...await loadRecordList("inspections", searchParams)} />;
}
