import { TransferPage } from "@/components/records/transfer/transfer-page";
import { recordMetadata } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = async ({ params }: Props) => recordMetadata("transfer", (await params).id);

export default async function Page({ params }: Props) {
  return <TransferPage id={(await params).id} />;
}
