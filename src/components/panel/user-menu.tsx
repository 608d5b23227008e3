"use client";

import { useTranslations } from "next-intl";
import { signOutAction } from "@/app/d/actions";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export function UserMenu({ me, role }: { me: { name: string; email: string }; role: string }) {
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
          <button type="button" className="w-full" onClick={() => void signOutAction()}>
            {t("signOut")}
          </button>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
