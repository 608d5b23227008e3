import { UpcomingSection } from "@/components/panel/upcoming-section";

export default function KnowledgeBasePage() {
  return <UpcomingSection section="kb" />;
}
