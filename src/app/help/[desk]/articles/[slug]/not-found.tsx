import { KbNotFound } from "@/components/portal/kb-not-found";

/** An unknown or unpublished article: said plainly inside the desk's help center. */
export default function ArticleNotFound() {
  return <KbNotFound kind="article" />;
}
