"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useTRPC } from "@/trpc/react";

export type EditorViewer = { membershipId: string; name: string; role: "owner" | "admin" | "agent" };

/** Names of the people in the history: owners and admins see everyone's, others their own. */
export function useEditorNames(desk: string, viewer: EditorViewer) {
  const t = useTranslations("kb.editor");
  const trpc = useTRPC();
  const staff = useQuery(trpc.staff.list.queryOptions({ desk }, { enabled: viewer.role !== "agent" }));
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const person of staff.data ?? []) names.set(person.membershipId, person.name);
    names.set(viewer.membershipId, t("you"));
    return names;
  }, [staff.data, viewer.membershipId, t]);
}
