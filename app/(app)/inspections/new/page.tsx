import { NewRecordPage, newRecordMetadata } from "@/components/records/record-form-page";

export const metadata = newRecordMetadata("inspection");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default function Page({ searchParams }: Props) {
  return <NewRecordPage type="inspection" searchParams={searchParams} />;
}
