"use client";

import { useImperativeHandle, useLayoutEffect, useRef, useState, type ComponentProps, type ReactNode, type Ref } from "react";
import { SegmentedTabs } from "./segmented-tabs";

export type MarkdownMode = "write" | "preview";

/** Chooses what goes around inserted text, given the text before and after the caret. */
export type Spacing = (before: string, after: string, text: string) => [lead: string, trail: string];

export type MarkdownFieldHandle = {
  /** Puts text at the caret (at the end while previewing), back in Write, with the caret after it. */
  insert: (text: string, spacing?: Spacing) => void;
  focus: () => void;
};

/** A paragraph of its own: blank lines before and after unless already there. */
export const ownParagraph: Spacing = (before, after) => [
  before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n",
  after === "" || after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n",
];

/**
 * Markdown with Write and Preview tabs — the knowledge-base editor and the reply composer. The
 * textarea stays mounted while previewing, so its label and caret survive; `layout` places the tabs
 * and the panel (the composer puts its tabs in a toolbar).
 */
export function MarkdownField({
  ref,
  idPrefix,
  value,
  onChange,
  mode: controlledMode,
  onModeChange,
  tabsLabel,
  writeLabel,
  previewLabel,
  tabsClassName,
  panelLabelledBy,
  textarea,
  preview,
  layout = (tabs, panel) => (
    <>
      {tabs}
      {panel}
    </>
  ),
}: {
  ref?: Ref<MarkdownFieldHandle>;
  /** Tab ids are `${idPrefix}-tab-write|preview`; the panel is `${idPrefix}-panel`. */
  idPrefix: string;
  value: string;
  onChange: (value: string) => void;
  mode?: MarkdownMode;
  onModeChange?: (mode: MarkdownMode) => void;
  tabsLabel: string;
  writeLabel: string;
  previewLabel: string;
  tabsClassName?: string;
  /** The tab that names the panel, when another tab row shares it (Reply/Note). */
  panelLabelledBy?: string;
  textarea: Omit<ComponentProps<"textarea">, "value" | "onChange" | "hidden" | "ref">;
  /** What Preview shows; rendered only while previewing. */
  preview: () => ReactNode;
  layout?: (tabs: ReactNode, panel: ReactNode) => ReactNode;
}) {
  const [ownMode, setOwnMode] = useState<MarkdownMode>("write");
  const mode = controlledMode ?? ownMode;
  const setMode = (next: MarkdownMode) => {
    setOwnMode(next);
    onModeChange?.(next);
  };
  const box = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);

  // After an insertion the caret goes to the end of what was inserted.
  useLayoutEffect(() => {
    const el = box.current;
    if (caret.current !== null && el) {
      el.focus();
      el.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  }, [value, mode]);

  useImperativeHandle(ref, () => ({
    insert(text, spacing = () => ["", ""]) {
      const el = box.current;
      const start = mode === "write" && el ? el.selectionStart : value.length;
      const end = mode === "write" && el ? el.selectionEnd : value.length;
      const before = value.slice(0, start);
      const after = value.slice(end);
      const [lead, trail] = spacing(before, after, text);
      caret.current = before.length + lead.length + text.length;
      setMode("write");
      onChange(before + lead + text + trail + after);
    },
    focus() {
      box.current?.focus();
    },
  }));

  const tabs = (
    <SegmentedTabs
      idPrefix={idPrefix}
      label={tabsLabel}
      values={["write", "preview"] as const}
      value={mode}
      onChange={setMode}
      labelOf={(option) => (option === "write" ? writeLabel : previewLabel)}
      className={tabsClassName}
    />
  );
  const panel = (
    <div id={`${idPrefix}-panel`} role="tabpanel" aria-labelledby={panelLabelledBy ?? `${idPrefix}-tab-${mode}`} className="rounded-lg">
      <textarea {...textarea} ref={box} value={value} hidden={mode !== "write"} onChange={(e) => onChange(e.target.value)} />
      {mode === "preview" ? preview() : null}
    </div>
  );
  return <>{layout(tabs, panel)}</>;
}
