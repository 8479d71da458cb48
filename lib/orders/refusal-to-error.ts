import { Conflict, Forbidden, Invalid } from "@/lib/core/errors";
import type { Refusal } from "./types";

/** The machine refuses with data; verbs turn that into the error the user sees. */
export function refusalToError(refusal: Refusal) {
  if (refusal.code === "forbidden") return new Forbidden(refusal.message);
  if (refusal.code === "invalid") return new Invalid(refusal.message);
  return new Conflict(refusal.message);
}
