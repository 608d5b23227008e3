import { UpcomingSection } from "@/components/panel/upcoming-section";

export default function CustomersPage() {
  return <UpcomingSection section="customers" />;
}
