import { isCalendarDay } from "@/lib/core/days";
import { isId } from "@/lib/core/validation";
import { maxDailyCount } from "./delivery-rules";

export const maxCsvRows = 10_000;
export const maxCsvBytes = 2 * 1024 * 1024;
export const deliveryImportCsvHeader = "line_item_id,day,impressions,clicks";

export type DeliveryCsvField = "line_item_id" | "day" | "impressions" | "clicks";
export type DeliveryCsvRow = {
  /** The file line the row starts on (the header is line 1). */
  line: number;
  lineItemId: number;
  day: string;
  impressions: number;
  clicks: number;
};
/** `line` 0 is about the whole file; `field` is a column name, or "file" / "header". */
export type DeliveryCsvError = { line: number; field: string; message: string };
/** Every data row as written, valid or not, for a preview. */
export type DeliveryCsvEntry = { line: number; values: Record<DeliveryCsvField, string>; valid: boolean };
export type ParsedDeliveryCsv = {
  rows: DeliveryCsvRow[];
  errors: DeliveryCsvError[];
  entries: DeliveryCsvEntry[];
};

const columns: readonly DeliveryCsvField[] = ["line_item_id", "day", "impressions", "clicks"];
const aliases: Record<string, DeliveryCsvField> = { date: "day" };

type CsvRecord = { line: number; fields: string[]; problem?: string };

/** What separates columns: commas, or semicolons as Excel writes CSV where the decimal mark is a comma. */
export type CsvDelimiter = "," | ";";

/** Counts a character outside double quotes on the file's first line (a quoted header may hold either). */
function countInHeaderLine(text: string, char: string): number {
  let count = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c === char) count++;
  }
  return count;
}

/**
 * The column separator, read from the header line: the one it uses, or when it holds both,
 * the one that splits it into the columns we need. A message when neither can be told apart.
 */
export function detectCsvDelimiter(text: string): CsvDelimiter | { error: string } {
  const commas = countInHeaderLine(text, ",");
  const semicolons = countInHeaderLine(text, ";");
  if (semicolons === 0) return ",";
  if (commas === 0) return ";";
  const [header] = csvRecords(text, ",");
  const namesColumns = (d: CsvDelimiter) => {
    const names = (d === "," ? header.fields : header.fields.join(",").split(";")).map(normalizeHeader);
    return columns.every(
      (c) => names.includes(c) || Object.entries(aliases).some(([a, to]) => to === c && names.includes(a)),
    );
  };
  if (namesColumns(",") !== namesColumns(";")) return namesColumns(",") ? "," : ";";
  return {
    error: `The first line has both commas (${commas}) and semicolons (${semicolons}), so the column separator is unclear. Save the file as CSV with one separator between columns: ${deliveryImportCsvHeader} (or the same with semicolons).`,
  };
}

/**
 * RFC 4180 records: commas (or `delimiter`), double quotes ("" inside quotes is one "), CRLF, LF or CR
 * line ends, line breaks inside quoted fields. Each record keeps the line it starts on.
 */
function csvRecords(text: string, delimiter: CsvDelimiter): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let wasQuoted = false;
  let problem: string | undefined;
  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === "" && !problem;
    if (!blank) records.push({ line: recordLine, fields, problem });
    fields = [];
    field = "";
    wasQuoted = false;
    problem = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          wasQuoted = true;
        }
      } else {
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field += c;
      }
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
      wasQuoted = false;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (c === '"' && field.trim() === "" && !wasQuoted) {
      // Spaces before an opening quote are padding, not data.
      field = "";
      quoted = true;
    } else {
      if (wasQuoted && c !== " " && c !== "\t") {
        problem ??= 'Text after a closing quote: put the whole field in quotes and double any " inside it.';
      } else if (c === '"') {
        problem ??= 'A quote inside a field: put the whole field in quotes and double any " inside it.';
      }
      if (!wasQuoted) field += c;
    }
  }
  if (quoted) problem ??= "A quoted field is never closed: a closing quote is missing.";
  if (field !== "" || fields.length > 0 || problem) endRecord();
  return records;
}

const normalizeHeader = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

const labels: Record<DeliveryCsvField, string> = {
  line_item_id: "Line item ID",
  day: "Day",
  impressions: "Impressions",
  clicks: "Clicks",
};

function parseCount(field: "impressions" | "clicks", raw: string): number | string {
  const label = labels[field];
  const text = raw.trim();
  if (text === "") return `${label} is empty: write 0 if there were none.`;
  // Plain digits, or digits with thousands separators as spreadsheets export them ("1,200").
  if (/^\d+$/.test(text) || /^\d{1,3}(,\d{3})+$/.test(text)) {
    const value = Number(text.replaceAll(",", ""));
    return value > maxDailyCount ? `${label} "${text}" is too high for one day.` : value;
  }
  if (/^-\s*\d/.test(text)) return `${label} cannot be negative ("${text}").`;
  if (/^\d+\.\d+$/.test(text)) return `${label} must be a whole number ("${text}").`;
  return `${label} must be a number, like 1200 ("${text}").`;
}

function parseLineItemId(raw: string): number | string {
  const text = raw.trim().replace(/^#/, "");
  if (text === "") return "Line item ID is empty.";
  if (!/^\d+$/.test(text) || !isId(Number(text)))
    return `Line item ID must be a line item number, like 123 ("${raw.trim()}").`;
  return Number(text);
}

function parseDay(raw: string): string | { error: string } {
  const text = raw.trim();
  if (text === "") return { error: "Day is empty." };
  // Any real day parses; one outside the line item's flight or in the future is refused by the delivery rules, with that reason.
  if (!isCalendarDay(text)) return { error: `Day must be a date written YYYY-MM-DD ("${text}").` };
  return text;
}

/**
 * Reads a delivery CSV, comma- or semicolon-separated (see detectCsvDelimiter), with or
 * without a UTF-8 BOM: a header naming `line_item_id`, `day` (or `date`), `impressions`
 * and `clicks` in any order (other columns are ignored), then one row per line item and
 * day. Pure: it checks the file's shape and each value, not the database. Every problem
 * is reported with its line and column; a row with any problem is left out of `rows`.
 */
export function parseDeliveryCsv(input: string): ParsedDeliveryCsv {
  const empty = (error: DeliveryCsvError): ParsedDeliveryCsv => ({ rows: [], errors: [error], entries: [] });
  const bytes = new TextEncoder().encode(input).length;
  if (bytes > maxCsvBytes) {
    return empty({
      line: 0,
      field: "file",
      message: `The file is ${(bytes / 1024 / 1024).toFixed(1)} MB; import at most 2 MB at a time.`,
    });
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectCsvDelimiter(text);
  if (typeof delimiter !== "string") return empty({ line: 1, field: "header", message: delimiter.error });
  const records = csvRecords(text, delimiter);
  const [header, ...data] = records;
  if (!header) return empty({ line: 0, field: "file", message: "The file is empty." });
  if (header.problem) return empty({ line: header.line, field: "header", message: header.problem });

  const positions = new Map<DeliveryCsvField, number>();
  header.fields.forEach((name, index) => {
    const normalized = normalizeHeader(name);
    const column = aliases[normalized] ?? (columns as readonly string[]).find((c) => c === normalized);
    if (column && !positions.has(column as DeliveryCsvField))
      positions.set(column as DeliveryCsvField, index);
  });
  const missing = columns.filter((c) => !positions.has(c));
  if (missing.length > 0) {
    return {
      rows: [],
      entries: [],
      errors: missing.map((column) => ({
        line: header.line,
        field: column,
        message: `The header has no "${column}" column. The first line must name the columns: ${deliveryImportCsvHeader}.`,
      })),
    };
  }
  if (data.length > maxCsvRows) {
    return empty({
      line: 0,
      field: "file",
      message: `The file has ${data.length.toLocaleString("en-US")} rows; import at most ${maxCsvRows.toLocaleString("en-US")} at a time.`,
    });
  }

  const rows: DeliveryCsvRow[] = [];
  const errors: DeliveryCsvError[] = [];
  const entries: DeliveryCsvEntry[] = [];
  for (const record of data) {
    const values = Object.fromEntries(
      columns.map((c) => [c, record.fields[positions.get(c)!] ?? ""]),
    ) as Record<DeliveryCsvField, string>;
    const rowErrors: DeliveryCsvError[] = [];
    const fail = (field: string, message: string) => rowErrors.push({ line: record.line, field, message });
    if (record.problem) fail("line", record.problem);
    const lineItemId = parseLineItemId(values.line_item_id);
    if (typeof lineItemId === "string") fail("line_item_id", lineItemId);
    const day = parseDay(values.day);
    if (typeof day !== "string") fail("day", day.error);
    const impressions = parseCount("impressions", values.impressions);
    if (typeof impressions === "string") fail("impressions", impressions);
    const clicks = parseCount("clicks", values.clicks);
    if (typeof clicks === "string") fail("clicks", clicks);
    entries.push({ line: record.line, values, valid: rowErrors.length === 0 });
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({
      line: record.line,
      lineItemId: lineItemId as number,
      day: day as string,
      impressions: impressions as number,
      clicks: clicks as number,
    });
  }
  if (data.length === 0) {
    errors.push({ line: 0, field: "file", message: "The file has a header but no rows." });
  }
  return { rows, errors, entries };
}
