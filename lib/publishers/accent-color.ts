import { z } from "zod";

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string) {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Contrast of white text on the colour (WCAG: 4.5 or more for body text). */
export const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

/**
 * The booking portal's accent: buttons and links carry white text on it, so a colour
 * too light for that is refused rather than shipped as an unreadable portal.
 */
export const accentColor = z
  .string({ error: "Choose a colour as #rrggbb." })
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, { error: "Choose a colour as #rrggbb, e.g. #1d4ed8." })
  .refine((hex) => contrastWithWhite(hex) >= 4.5, {
    error: "Choose a darker colour: white text on it must stay readable (contrast at least 4.5:1).",
  });
