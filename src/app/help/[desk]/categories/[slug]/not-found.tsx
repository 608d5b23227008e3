import { KbNotFound } from "@/components/portal/kb-not-found";

/** An unknown topic: said plainly inside the desk's help center. */
export default function CategoryNotFound() {
  return <KbNotFound kind="category" />;
}
