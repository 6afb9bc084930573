import { SourcePage } from "@/components/records/source/source-page";
import { recordMetadata } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = async ({ params }: Props) => recordMetadata("source", (await params).id);

export default async function Page({ params }: Props) {
  return <SourcePage id={(await params).id} />;
}
