import { Button } from "./button";

/** Quick choices of a period ("Last 7 days"…); the chosen one is pressed. */
export function DayPresets({ label, presets, active, labelOf, onChoose }: { label: string; presets: readonly number[]; active: number | null | undefined; labelOf: (days: number) => string; onChoose: (days: number) => void }) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-2 sm:mt-7">
      {presets.map((days) => (
        <Button key={days} type="button" size="sm" variant={active === days ? "primary" : "secondary"} aria-pressed={active === days} onClick={() => onChoose(days)}>
          {labelOf(days)}
        </Button>
      ))}
    </div>
  );
}
