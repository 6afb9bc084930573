import { ConcernPage } from "@/components/records/concern/concern-page";
import { recordMetadata } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = async ({ params }: Props) => recordMetadata("concern", (await params).id);

export default async function Page({ params }: Props) {
  return <ConcernPage id={(await params).id} />;
}
