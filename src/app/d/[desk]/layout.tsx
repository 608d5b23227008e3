import { loadDesk } from "./_data/desk";

export const dynamic = "force-dynamic";

/** Every page under /d/<desk> is for members of that desk only. */
export default async function DeskLayout({ children, params }: { children: React.ReactNode; params: Promise<{ desk: string }> }) {
  const { desk } = await params;
  await loadDesk(desk, `/d/${desk}`);
  return children;
}
