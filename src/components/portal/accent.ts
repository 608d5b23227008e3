import type { CSSProperties } from "react";

type Rgb = [number, number, number];

const parse = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const toHex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
const mix = (a: Rgb, b: Rgb, amount: number): Rgb => a.map((c, i) => c + (b[i]! - c) * amount) as Rgb;

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const white: Rgb = [255, 255, 255];
const black: Rgb = [0, 0, 0];

/**
 * The desk's widget colour as the brand colour of its public pages: the primitives use the
 * --color-brand-* variables, so overriding them on the page's root recolours buttons, links and
 * focus rings. A light colour is darkened until white text on it stays readable (4.5:1).
 */
export function accentStyle(color: string | null | undefined): CSSProperties | undefined {
  if (!color || !/^#[0-9a-fA-F]{6}$/.test(color)) return undefined;
  const base = parse(color);
  let strong = base;
  for (let step = 1; step <= 20 && (1.05 / (luminance(strong) + 0.05) < 4.5); step++) strong = mix(base, black, step * 0.05);
  return {
    "--color-brand-50": toHex(mix(base, white, 0.93)),
    "--color-brand-100": toHex(mix(base, white, 0.82)),
    "--color-brand-500": toHex(mix(strong, white, 0.12)),
    "--color-brand-600": toHex(strong),
    "--color-brand-700": toHex(mix(strong, black, 0.18)),
  } as CSSProperties;
}
