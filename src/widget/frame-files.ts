// The visitor's attachments on the widget form (src/widget/frame.ts): a file input that adds to a
// visible list (a file input cannot add to its own), each with a Remove button, within the desk's
// limits on count and size.
import { fill, h, icon } from "./frame-dom";

type Limits = { maxFiles: number; maxFileBytes: number };

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function filePicker(t: Record<string, string>, limits: Limits, onProblem: (message: string | null) => void) {
  let files: File[] = [];
  const list = h("ul", { class: "files", "aria-label": t.attach });
  const input = h("input", { type: "file", id: "f-files", class: "sr", multiple: true, "aria-describedby": "f-files-hint" });
  const error = h("p", { class: "err", id: "f-files-e", hidden: true });
  const block = h(
    "div",
    { class: "field" },
    input,
    h("label", { class: "attach", for: "f-files" }, icon("clip", 18), t.attach),
    h("p", { class: "hint", id: "f-files-hint", text: t.attachHint }),
    error,
    list,
  );

  function render(focusIndex?: number) {
    list.replaceChildren(
      ...files.map((file, i) => {
        const label = fill(t.removeFile!, { name: file.name });
        return h(
          "li",
          {},
          h("span", { class: "name", title: file.name, text: file.name }),
          h("span", { class: "size", text: sizeText(file.size) }),
          h("button", { type: "button", class: "rm", "aria-label": label, title: label, onclick: () => remove(i) }, icon("close", 16)),
        );
      }),
    );
    // After a removal, focus stays in the list (or returns to the picker when it is empty).
    if (focusIndex !== undefined) (list.querySelectorAll("button")[Math.min(focusIndex, files.length - 1)] ?? input).focus();
  }

  function remove(index: number) {
    files = files.filter((_, i) => i !== index);
    onProblem(null);
    render(index);
  }

  input.addEventListener("change", () => {
    let problem: string | null = null;
    for (const file of Array.from(input.files ?? [])) {
      if (file.size > limits.maxFileBytes) problem = fill(t.fileTooLarge!, { name: file.name });
      else if (files.length >= limits.maxFiles) problem = t.tooManyFiles!;
      else files.push(file);
    }
    input.value = "";
    onProblem(problem);
    render();
  });

  return {
    block,
    input,
    error,
    files: () => files,
    clear() {
      files = [];
      render();
    },
  };
}
