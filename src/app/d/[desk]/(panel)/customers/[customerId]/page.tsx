import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CustomerProfile } from "@/components/customers/customer-profile";
import { loadViewer } from "../../_data/viewer";
import { uuidPattern } from "@/components/inbox/shared";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customers"))("title") };
}

export default async function CustomerPage({ params }: { params: Promise<{ desk: string; customerId: string }> }) {
  const { desk, customerId } = await params;
  const { desk: current, viewer, api } = await loadViewer(desk, `/d/${desk}/customers/${customerId}`);
  if (!uuidPattern.test(customerId)) notFound();
  const [customer, departments] = await Promise.all([
    api.customers.get({ desk, customerId }).catch((error: unknown) => {
      if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
      throw error;
    }),
    api.departments.list({ desk }),
  ]);
  if (!customer) notFound();
  return <CustomerProfile desk={desk} viewer={viewer} timeZone={current.timeZone} initial={customer} departments={departments} />;
}
