"use client";

import { NavLinks } from "@/components/ui/nav-links";
import { cn } from "@/lib/cn";

/** The help center's links; the current page is marked for sight and for screen readers. */
export function HelpNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  return (
    <NavLinks
      label={label}
      links={links}
      className="-mx-2 w-full overflow-x-auto sm:mx-0 sm:ml-auto sm:w-auto"
      listClassName="flex items-center gap-1 px-1 py-1"
      linkClassName={(current) =>
        cn("block rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors", current ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900")
      }
    />
  );
}
