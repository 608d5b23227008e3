import { UpcomingSection } from "@/components/panel/upcoming-section";

export default function TicketsPage() {
  return <UpcomingSection section="tickets" />;
}
