import { stroke, strokeIcon, type IconProps } from "@/components/ui/icon";
import { cn } from "@/lib/cn";
import { BookIcon } from "./icons";

/** Decorative icons of the knowledge-base pages (same grid and stroke as ./icons). */
export const ChevronRightIcon = strokeIcon("0 0 16 16", "size-4", <path d="m6 3.5 4.5 4.5L6 12.5" />);

export const DocumentIcon = strokeIcon("0 0 24 24", "size-5", <><path d="M6.5 3.5h7l4 4v12a1 1 0 0 1-1 1h-10a1 1 0 0 1-1-1v-15a1 1 0 0 1 1-1Z" /> <path d="M13.5 3.5v4h4M9 12.5h6M9 16h4" /></>);

export const FolderIcon = strokeIcon("0 0 24 24", "size-5", <path d="M3.5 7A1.5 1.5 0 0 1 5 5.5h4l2 2h8a1.5 1.5 0 0 1 1.5 1.5v8.5A1.5 1.5 0 0 1 19 19H5a1.5 1.5 0 0 1-1.5-1.5V7Z" />);

export const TrendIcon = strokeIcon("0 0 24 24", "size-5", <><path d="m3.5 16.5 5.5-5.5 4 4 7.5-7.5" /> <path d="M15 7.5h5.5V13" /></>);

export const SparkIcon = strokeIcon("0 0 24 24", "size-5", <path d="M12 3.5 13.9 9l5.6 1.9-5.6 1.9L12 18.5l-1.9-5.7-5.6-1.9L10.1 9 12 3.5Z" />);

export function ThumbIcon({ className, down, ...props }: IconProps & { down?: boolean }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className={cn("size-4", down && "rotate-180", className)} {...stroke} {...props}>
      <path d="M6.5 9 9.6 3.2a1.6 1.6 0 0 1 3 .9L12 8h3.6a1.5 1.5 0 0 1 1.5 1.8l-1.2 6A1.5 1.5 0 0 1 14.4 17H6.5V9Z" />
      <path d="M3 9h3.5v8H3z" />
    </svg>
  );
}

export const ChatIcon = strokeIcon("0 0 24 24", "size-5", <path d="M4.5 6A1.5 1.5 0 0 1 6 4.5h12A1.5 1.5 0 0 1 19.5 6v9a1.5 1.5 0 0 1-1.5 1.5H10l-4.5 3.5v-3.5H6A1.5 1.5 0 0 1 4.5 15V6Z" />);

// An emoji (with its modifiers and joiners), the one kind of category icon shown as it is typed.
const emoji = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f\u20e3]*$/u;

/**
 * A category's icon: the emoji staff chose for it, else a book. Decorative, since the category's
 * name always stands beside it.
 */
export function KbCategoryIcon({ icon, className }: { icon: string; className?: string }) {
  const chosen = icon.trim();
  return (
    <span aria-hidden="true" className={cn("flex size-11 shrink-0 items-center justify-center rounded-xl bg-brand-50 text-brand-700", className)}>
      {emoji.test(chosen) ? <span className="text-2xl leading-none">{chosen}</span> : <BookIcon />}
    </span>
  );
}
