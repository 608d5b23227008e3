import type { avatarColors } from "@/server/staff/inputs";

export type AvatarColor = (typeof avatarColors)[number];

/** The swatch of each avatar colour (whole class names, so Tailwind keeps them). */
export const avatarSwatch: Record<AvatarColor, string> = {
  slate: "bg-slate-600",
  red: "bg-red-600",
  amber: "bg-amber-500",
  emerald: "bg-emerald-600",
  teal: "bg-teal-600",
  sky: "bg-sky-600",
  indigo: "bg-indigo-600",
  violet: "bg-violet-600",
  pink: "bg-pink-600",
};

export function initialsOf(name: string): string {
  return (
    name
      .trim()
      .split(/\s+/)
      .map((part) => part.slice(0, 1))
      .join("")
      .slice(0, 2)
      .toUpperCase() || "?"
  );
}
