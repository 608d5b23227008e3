import { strokeIcon, type IconProps } from "@/components/ui/icon";
import { cn } from "@/lib/cn";

/** Decorative icons of the public pages (24px grid, stroke in currentColor). */
export const SearchIcon = strokeIcon("0 0 24 24", "size-5", <><circle cx="11" cy="11" r="6.5" /> <path d="m20 20-4.2-4.2" /></>);

export const PencilIcon = strokeIcon("0 0 24 24", "size-6", <><path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16v4Z" /> <path d="m13.5 6.5 4 4" /></>);

export const InboxIcon = strokeIcon("0 0 24 24", "size-6", <><path d="M3.5 13.5 6 5.5A1.5 1.5 0 0 1 7.4 4.5h9.2A1.5 1.5 0 0 1 18 5.5l2.5 8" /> <path d="M3.5 13.5V18a1.5 1.5 0 0 0 1.5 1.5h14a1.5 1.5 0 0 0 1.5-1.5v-4.5H16l-1.5 2.5h-5L8 13.5H3.5Z" /></>);

export const BookIcon = strokeIcon("0 0 24 24", "size-6", <><path d="M4 5.5A1.5 1.5 0 0 1 5.5 4H11v15H5.5A1.5 1.5 0 0 0 4 20.5v-15Z" /> <path d="M20 5.5A1.5 1.5 0 0 0 18.5 4H13v15h5.5a1.5 1.5 0 0 1 1.5 1.5v-15Z" /></>);

export const ArrowRightIcon = strokeIcon("0 0 20 20", "size-5", <path d="M4 10h12m-5-5 5 5-5 5" />);

export const ArrowLeftIcon = strokeIcon("0 0 20 20", "size-4", <path d="M16 10H4m5-5-5 5 5 5" />);

export const MailIcon = strokeIcon("0 0 24 24", "size-6", <><rect x="3.5" y="5.5" width="17" height="13" rx="2" /> <path d="m4 7 8 6 8-6" /></>);

export const PaperclipIcon = strokeIcon("0 0 16 16", "size-4", <path d="M10.5 4.5 5.2 9.8a1.5 1.5 0 0 0 2.1 2.1l5.5-5.5a3 3 0 0 0-4.2-4.2L3 7.8a4.5 4.5 0 0 0 6.4 6.4l4.1-4.1" />);

export const LinkOffIcon = strokeIcon("0 0 24 24", "size-6", <><path d="M9.5 14.5 7 17a3.5 3.5 0 0 1-5-5l2.5-2.5M14.5 9.5 17 7a3.5 3.5 0 0 1 5 5l-2.5 2.5" /> <path d="m4 4 16 16" /></>);

export function StarIcon({ className, filled, ...props }: IconProps & { filled?: boolean }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className={cn("size-5", className)} {...props}>
      <path
        d="M10 2.2l2.4 4.9 5.4.8-3.9 3.8.9 5.4L10 14.6l-4.8 2.5.9-5.4-3.9-3.8 5.4-.8L10 2.2Z"
        fill={filled ? "currentColor" : "none"}
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
    </svg>
  );
}
