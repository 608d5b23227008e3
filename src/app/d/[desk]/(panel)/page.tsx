import { UpcomingSection } from "@/components/panel/upcoming-section";

export default function InboxPage() {
  return <UpcomingSection section="inbox" />;
}
