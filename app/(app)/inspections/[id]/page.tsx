import { InspectionPage } from "@/components/records/inspection/inspection-page";
import { recordMetadata } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = async ({ params }: Props) => recordMetadata("inspection", (await params).id);

export default async function Page({ params }: Props) {
  return <InspectionPage id={(await params).id} />;
}
