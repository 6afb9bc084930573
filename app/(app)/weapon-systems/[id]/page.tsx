import { WeaponSystemPage } from "@/components/records/weapon-system/weapon-system-page";
import { recordMetadata } from "@/lib/pages/record-page";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = async ({ params }: Props) => recordMetadata("weaponSystem", (await params).id);

export default async function Page({ params }: Props) {
  return <WeaponSystemPage id={(await params).id} />;
}
