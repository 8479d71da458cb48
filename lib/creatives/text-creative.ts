/**
 * A text creative is a headline and a short text. The schema has one `body` column, so
 * the headline is its first line and the text the rest (a one-line body is all headline).
 */
export function joinTextCreative(headline: string, text: string): string {
  return `${headline.replace(/\s+/g, " ").trim()}\n${text.trim()}`;
}

export function splitTextCreative(body: string | null): { headline: string; text: string } {
  const value = body ?? "";
  const newline = value.indexOf("\n");
  if (newline < 0) return { headline: value.trim(), text: "" };
  return { headline: value.slice(0, newline).trim(), text: value.slice(newline + 1).trim() };
}
