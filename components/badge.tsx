// A small label. Its text always says what the colour means, and each tone
// carries an icon too (components/ui/badge), so colour is never alone.
import type { LucideIcon } from "lucide-react";
import { UiBadge, type BadgeTone } from "@/components/ui/badge";

export type { BadgeTone };

export function Badge({ children, tone = "neutral", icon }: { children: React.ReactNode; tone?: BadgeTone; icon?: LucideIcon | null }) {
  return (
    <UiBadge tone={tone} icon={icon}>
      {children}
    </UiBadge>
  );
}
