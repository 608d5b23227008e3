"use client";

import type { AlertVariant } from "@/components/ui/alert";
import { DismissibleNotice } from "@/components/ui/notices";

/**
 * A dismissible notice that takes no room (and adds no gap in a flex column) while empty; the live
 * region stays in the page, so a notice that appears later is still announced.
 */
export function NoticeSlot({ notice, onClose }: { notice: { variant: AlertVariant; text: string } | null; onClose: () => void }) {
  return (
    <div className={notice ? undefined : "absolute"}>
      <DismissibleNotice notice={notice} onClose={onClose} />
    </div>
  );
}
