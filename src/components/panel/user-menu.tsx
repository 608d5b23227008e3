"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { signOutAction } from "@/app/d/actions";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

export function UserMenu({ desk, me, role }: { desk: string; me: { name: string; email: string }; role: string }) {
  const t = useTranslations("panel.userMenu");
  const initials = me.name
    .split(/\s+/)
    .map((part) => part.slice(0, 1))
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex size-9 items-center justify-center rounded-full bg-slate-800 text-sm font-semibold text-white hover:bg-slate-700"
        aria-label={t("label", { name: me.name })}
      >
        {initials || "?"}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel>
          <span className="block truncate text-sm font-semibold text-slate-900">{me.name}</span>
          <span className="block truncate text-xs font-normal text-slate-500">{me.email}</span>
          <span className="mt-1 block text-xs font-normal text-slate-500">{t(`role.${role}`)}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={`/d/${desk}/profile`}>
            <svg viewBox="0 0 16 16" fill="none" aria-hidden="true">
              <circle cx="8" cy="5.5" r="2.75" stroke="currentColor" strokeWidth="1.5" />
              <path d="M2.75 13.5c.6-2.4 2.7-3.75 5.25-3.75s4.65 1.35 5.25 3.75" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
            </svg>
            {t("profile")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/account/security">
            <svg viewBox="0 0 16 16" fill="none" aria-hidden="true">
              <path d="M8 1.75 2.75 3.75v4c0 3 2.2 5.4 5.25 6.5 3.05-1.1 5.25-3.5 5.25-6.5v-4L8 1.75Z" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
            </svg>
            {t("security")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <button type="button" className="w-full" onClick={() => void signOutAction()}>
            {t("signOut")}
          </button>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
