export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

/**
 * Cells that a spreadsheet would run as a formula get a leading apostrophe, so an
 * advertiser-supplied name like "=HYPERLINK(…)" stays text (CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends; the first row is usually the header. */
export function toCsv(rows: Iterable<readonly CsvValue[]>): string {
  let out = "";
  for (const row of rows) out += `${row.map(csvCell).join(",")}\r\n`;
  return out;
}
