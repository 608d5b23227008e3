import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CustomerList } from "@/components/customers/customer-list";
import { PageHeader } from "@/components/panel/page-header";
import { loadDesk } from "../../_data/desk";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customers"))("title") };
}

export default async function CustomersPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk } = await params;
  const [{ desk: current }, t] = await Promise.all([loadDesk(desk, `/d/${desk}/customers`), getTranslations("customers")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <CustomerList desk={desk} timeZone={current.timeZone} />
    </>
  );
}
