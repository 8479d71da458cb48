import { notFound } from "next/navigation";
import { DomainError, NotFound } from "@/lib/core/errors";
import { parseId } from "@/lib/core/validation";
import { describeError } from "./error-map";

/** A page's `[id]` segment as a row id; anything else (0, -1, 2³¹, "abc") is the 404 page. */
export function pageId(raw: string): number {
  const id = parseId(raw);
  if (id === null) notFound();
  return id;
}

/** What a page loads; a NotFound (not there, or not yours) is the 404 page, anything else the error page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}

/** For pages that show a refusal in place (a report over a reversed range): the message, through the one error map. */
export async function orRefusal<T, K extends string>(
  key: K,
  load: Promise<T>,
): Promise<{ [P in K]: T } | { error: string }> {
  try {
    return { [key]: await load } as { [P in K]: T };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { error: describeError(error).message };
  }
}
