/** The heading and lede of a help center page. */
export function PageIntro({ title, subtitle }: { title: string; subtitle: string }) {
  return (
    <div className="text-center">
      <h1 className="text-3xl font-semibold tracking-tight text-balance text-slate-900">{title}</h1>
      <p className="mx-auto mt-3 max-w-xl text-base text-pretty text-slate-600">{subtitle}</p>
    </div>
  );
}
