import { RequestPage } from "@/components/records/request/request-page";
import { recordMetadata } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = async ({ params }: Props) => recordMetadata("request", (await params).id);

export default async function Page({ params }: Props) {
  return <RequestPage id={(await params).id} />;
}
