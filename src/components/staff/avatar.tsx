import { avatarSwatch, type AvatarColor } from "@/components/profile/avatar-colors";
import { cn } from "@/lib/cn";
import { initials } from "./shared";


/** A person's initials in their chosen colour. Decorative: the name is always shown beside it. */
export function StaffAvatar({ name, color, muted = false, className }: { name: string; color: string; muted?: boolean; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold text-white select-none",
        avatarSwatch[color as AvatarColor] ?? avatarSwatch.slate,
        muted && "opacity-50 grayscale",
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
