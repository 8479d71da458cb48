import { z } from "zod";
import { wholeNumber } from "@/lib/core/validation";

/** A number field that may be left empty (a form sends ""): empty is `undefined`. */
export function optionalWholeNumber(options: Parameters<typeof wholeNumber>[0]) {
  return z
    .union([z.literal(""), z.null()])
    .transform(() => undefined)
    .or(wholeNumber(options))
    .optional();
}

/** A checkbox: present ("on", "true", true) is on; missing or "false" is off. */
export function checkbox() {
  return z
    .union([z.boolean(), z.enum(["on", "true", "false", ""])], { error: "Tick the box or leave it empty." })
    .optional()
    .transform((v) => v === true || v === "on" || v === "true");
}

/** Repeated form fields (name[]): one value, several, or none, as a list of strings. */
export function textList(max = 300) {
  return z
    .union([z.array(z.string()), z.string()], { error: "Send these values as text." })
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(
      z.array(z.string().max(64, { error: "Keep each value short." })).max(max, { error: "Too many rows." }),
    );
}
