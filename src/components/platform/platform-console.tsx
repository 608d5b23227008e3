"use client";

import { DesksTable } from "./desks-table";
import { JobHealthTable } from "./job-health";
import { PlansEditor } from "./plans-editor";
import { PlatformSettingsForm } from "./platform-settings";

/** The operator console: every desk with its money and state, the plans, the platform's billing settings, the background jobs' health. */
export function PlatformConsole({ currency }: { currency: string }) {
  return (
    <div className="flex flex-col gap-10">
      <DesksTable currency={currency} />
      <PlansEditor currency={currency} />
      <PlatformSettingsForm currency={currency} />
      <JobHealthTable />
    </div>
  );
}
