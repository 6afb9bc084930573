import { ActorPage } from "@/components/records/actor/actor-page";
import { recordMetadata } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = async ({ params }: Props) => recordMetadata("actor", (await params).id);

export default async function Page({ params }: Props) {
  return <ActorPage id={(await params).id} />;
}
