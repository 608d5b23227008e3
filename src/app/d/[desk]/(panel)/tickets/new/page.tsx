import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { loadViewer } from "../../_data/viewer";
import { NewTicketForm } from "@/components/inbox/new-ticket-form";
import { isManager } from "@/components/inbox/shared";
import { PageHeader } from "@/components/panel/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("new.title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 254) : undefined);

export default async function NewTicketPage({ params, searchParams }: { params: Promise<{ desk: string }>; searchParams: Promise<SearchParams> }) {
  const { desk } = await params;
  const query = await searchParams;
  const [{ viewer, api }, t] = await Promise.all([loadViewer(desk, `/d/${desk}/tickets/new`), getTranslations("inbox")]);
  const [departments, staff] = await Promise.all([api.departments.list({ desk }), isManager(viewer.role) ? api.staff.list({ desk }) : Promise.resolve(null)]);
  return (
    <div className="mx-auto max-w-5xl">
      <nav aria-label={t("new.breadcrumb")} className="mb-2 text-sm">
        <Link href={`/d/${desk}/tickets`} className="text-slate-500 hover:text-slate-900 hover:underline">
          {t("tickets.title")}
        </Link>
      </nav>
      <PageHeader title={t("new.title")} description={t("new.description")} />
      <NewTicketForm
        desk={desk}
        viewer={viewer}
        departments={departments}
        staff={staff}
        prefill={{ email: one(query.email), name: one(query.name), departmentId: one(query.department) }}
      />
    </div>
  );
}
