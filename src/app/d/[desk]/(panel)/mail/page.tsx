import { UpcomingSection } from "@/components/panel/upcoming-section";

export default function InternalMailPage() {
  return <UpcomingSection section="mail" />;
}
