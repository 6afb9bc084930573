import { QuotePage } from "@/components/records/quote/quote-page";
import { recordMetadata } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = async ({ params }: Props) => recordMetadata("quote", (await params).id);

export default async function Page({ params }: Props) {
  return <QuotePage id={(await params).id} />;
}
