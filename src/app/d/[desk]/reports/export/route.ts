import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { errorResponse, withDeskOfRequest } from "@/server/http/responses";
import { exportTable } from "@/server/reports/export";
import { reportFilter } from "@/server/reports/inputs";
import { tableIds } from "@/server/reports/tables";
import { route } from "@/server/http/route";

export const dynamic = "force-dynamic";

const query = z.object({ table: z.enum(tableIds), filter: reportFilter });

/**
 * One report table as a CSV download (`?table=byMonth&from=…&to=…&department=…`), with the
 * session, membership, permission and option checks of the Reports page itself.
 */
export const GET = route({ name: "reports.export", maxBodyBytes: 0 }, async (request: Request, { params }: { params: Promise<{ desk: string }> }) => {
  const { desk } = await params;
  const search = new URL(request.url).searchParams;
  const parsed = query.safeParse({
    table: search.get("table"),
    filter: { from: search.get("from") ?? "", to: search.get("to") ?? "", departmentId: search.get("department") || null },
  });
  if (!parsed.success) return Response.json({ error: "reports.badExport" }, { status: 400 });
  const t = await getTranslations("reports");
  const words = {
    all: t("all"),
    unassigned: t("unassigned"),
    formerColleague: t("formerColleague"),
    column: (key: string) => t(`columns.${key}` as never),
    weekday: (day: number) => t(`weekdays.${day}` as never),
    channel: (channel: string) => t(`channelNames.${channel}` as never),
  };
  try {
    const { fileName, csv } = await withDeskOfRequest(request, desk, (tx, actor) => exportTable(tx, actor, parsed.data.table, parsed.data.filter, words));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
});
