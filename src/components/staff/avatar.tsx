import { cn } from "@/lib/cn";
import { initials } from "./shared";

// Full class names, so Tailwind keeps them.
const colors: Record<string, string> = {
  slate: "bg-slate-600",
  red: "bg-red-600",
  amber: "bg-amber-600",
  emerald: "bg-emerald-600",
  teal: "bg-teal-600",
  sky: "bg-sky-600",
  indigo: "bg-indigo-600",
  violet: "bg-violet-600",
  pink: "bg-pink-600",
};

/** A person's initials in their chosen colour. Decorative: the name is always shown beside it. */
export function StaffAvatar({ name, color, muted = false, className }: { name: string; color: string; muted?: boolean; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold text-white select-none",
        colors[color] ?? colors.slate,
        muted && "opacity-50 grayscale",
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
