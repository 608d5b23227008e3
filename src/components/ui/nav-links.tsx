"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A row of links between pages; the one for the current page is marked for sight and for screen readers. */
export function NavLinks({
  label,
  links,
  className,
  listClassName,
  linkClassName,
}: {
  label: string;
  links: { href: string; label: string }[];
  className?: string;
  listClassName?: string;
  linkClassName: (current: boolean) => string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={className}>
      <ul className={listClassName}>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={pathname === link.href ? "page" : undefined} className={linkClassName(pathname === link.href)}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
