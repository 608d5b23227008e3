import Link from "next/link";
import { Alert } from "@/components/ui/alert";

/** A setting that needs a billing option the desk has not chosen: what it needs, and the way to Billing. */
export function OptionNeeded({ desk, text, linkText }: { desk: string; text: string; linkText: string }) {
  return (
    <Alert variant="info">
      {text}{" "}
      <Link href={`/d/${desk}/billing`} className="font-medium underline">
        {linkText}
      </Link>
    </Alert>
  );
}
