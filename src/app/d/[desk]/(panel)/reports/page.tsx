import { UpcomingSection } from "@/components/panel/upcoming-section";

export default function ReportsPage() {
  return <UpcomingSection section="reports" />;
}
