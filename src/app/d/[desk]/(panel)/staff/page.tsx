import { getFormatter, getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/panel/forbidden";
import { PageHeader } from "@/components/panel/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Cell, Table, TableBody, TableHeader } from "@/components/ui/table";
import { loadDesk } from "@/server/desks/load";
import { can } from "@/server/staff/permissions";

export default async function StaffPage({ params }: { params: Promise<{ desk: string }> }) {
  const { desk } = await params;
  const { role, api } = await loadDesk(desk, `/d/${desk}/staff`);
  if (!can({ role, active: true, grants: new Map() }, "staff.manage")) return <Forbidden />;
  const [t, tRole, format, staff] = await Promise.all([
    getTranslations("panel.staff"),
    getTranslations("panel.userMenu.role"),
    getFormatter(),
    api.staff.list({ desk }),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Table>
        <TableHeader columns={[t("name"), t("email"), t("role"), t("status"), t("joined")]} />
        <TableBody>
          {staff.map((person) => (
            <tr key={person.membershipId}>
              <Cell className="font-medium text-slate-900">{person.name}</Cell>
              <Cell>{person.email}</Cell>
              <Cell className="text-slate-900">{tRole(person.role)}</Cell>
              <Cell>
                <Badge variant={person.active ? "success" : "neutral"}>{person.active ? t("active") : t("inactive")}</Badge>
              </Cell>
              <Cell>{format.dateTime(person.joinedAt, { dateStyle: "medium" })}</Cell>
            </tr>
          ))}
        </TableBody>
      </Table>
      <Alert variant="info" className="mt-4">{t("invitesSoon")}</Alert>
    </>
  );
}
