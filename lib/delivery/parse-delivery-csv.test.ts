import { describe, expect, it } from "vitest";
import { detectCsvDelimiter, maxCsvBytes, maxCsvRows, parseDeliveryCsv } from "./parse-delivery-csv";

const row = (line: number, lineItemId: number, day: string, impressions: number, clicks: number) => ({
  line,
  lineItemId,
  day,
  impressions,
  clicks,
});

describe("parseDeliveryCsv", () => {
  it.each([
    ["LF", "line_item_id,day,impressions,clicks\n12,2030-01-10,100,3\n12,2030-01-11,200,4\n"],
    ["CRLF", "line_item_id,day,impressions,clicks\r\n12,2030-01-10,100,3\r\n12,2030-01-11,200,4\r\n"],
    ["CR", "line_item_id,day,impressions,clicks\r12,2030-01-10,100,3\r12,2030-01-11,200,4"],
    ["a BOM", "\uFEFFline_item_id,day,impressions,clicks\n12,2030-01-10,100,3\n12,2030-01-11,200,4"],
    ["date for day", "line_item_id,date,impressions,clicks\n12,2030-01-10,100,3\n12,2030-01-11,200,4"],
    [
      "columns in another order, spelled loosely, with extras",
      "Clicks,Campaign,Day,Line Item ID,Impressions\n3,Spring,2030-01-10,12,100\n4,Spring,2030-01-11,12,200",
    ],
    [
      "quoted fields",
      'line_item_id,day,impressions,clicks,note\n"12","2030-01-10","100",3,"a, b"\n12,2030-01-11,"200","4","say ""hi"""',
    ],
    ["blank lines", "line_item_id,day,impressions,clicks\n\n12,2030-01-10,100,3\n\n12,2030-01-11,200,4\n\n"],
    [
      "semicolons, as European Excel saves CSV, with a BOM",
      '\uFEFFline_item_id;day;impressions;clicks\r\n12;2030-01-10;100;3\r\n12;2030-01-11;"200";4\r\n',
    ],
    [
      "semicolons and commas inside values",
      'Line item ID;Day;Impressions;Clicks;Note\n12;2030-01-10;100;3;"a, b"\n12;2030-01-11;200;4;c,d',
    ],
    [
      "thousands separators",
      'line_item_id,day,impressions,clicks\n12,2030-01-10,"100",3\n#12,2030-01-11," 200 ",4',
    ],
  ])("reads a file with %s", (_, csv) => {
    const parsed = parseDeliveryCsv(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map(({ line: _line, ...r }) => r)).toEqual([
      { lineItemId: 12, day: "2030-01-10", impressions: 100, clicks: 3 },
      { lineItemId: 12, day: "2030-01-11", impressions: 200, clicks: 4 },
    ]);
  });

  it("counts lines as a spreadsheet shows them, across line breaks inside quotes", () => {
    const parsed = parseDeliveryCsv(
      'line_item_id,day,impressions,clicks,note\r\n12,2030-01-10,"1,500",3,"two\r\nlines"\r\n12,2030-01-11,x,4,\r\n',
    );
    expect(parsed.rows).toEqual([row(2, 12, "2030-01-10", 1500, 3)]);
    expect(parsed.errors).toEqual([
      { line: 4, field: "impressions", message: 'Impressions must be a number, like 1200 ("x").' },
    ]);
    expect(parsed.entries.map((e) => [e.line, e.valid])).toEqual([
      [2, true],
      [4, false],
    ]);
  });

  it("names the line and column of every bad value", () => {
    const parsed = parseDeliveryCsv(
      [
        "line_item_id,day,impressions,clicks",
        "abc,2030-01-10,1,1",
        "12,10/01/2030,1,1",
        "12,2030-02-30,1,1",
        "12,2030-01-10,-5,1",
        "12,2030-01-10,1.5,",
        "12,2030-01-10,99999999999999,0",
        "12,2030-01-10",
        "0,2030-01-10,1,1",
      ].join("\n"),
    );
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => [e.line, e.field])).toEqual([
      [2, "line_item_id"],
      [3, "day"],
      [4, "day"],
      [5, "impressions"],
      [6, "impressions"],
      [6, "clicks"],
      [7, "impressions"],
      [8, "impressions"],
      [8, "clicks"],
      [9, "line_item_id"],
    ]);
    expect(parsed.errors[0].message).toBe('Line item ID must be a line item number, like 123 ("abc").');
    expect(parsed.errors[1].message).toBe('Day must be a date written YYYY-MM-DD ("10/01/2030").');
    expect(parsed.errors[3].message).toBe('Impressions cannot be negative ("-5").');
    expect(parsed.errors[4].message).toBe('Impressions must be a whole number ("1.5").');
    expect(parsed.errors[5].message).toBe("Clicks is empty: write 0 if there were none.");
    expect(parsed.entries).toHaveLength(8);
  });

  it("reports missing columns against the header", () => {
    const parsed = parseDeliveryCsv("line_item_id,day,impressions\n12,2030-01-10,100");
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      {
        line: 1,
        field: "clicks",
        message:
          'The header has no "clicks" column. The first line must name the columns: line_item_id,day,impressions,clicks.',
      },
    ]);
    expect(parseDeliveryCsv("12,2030-01-10,100,3").errors.map((e) => e.field)).toEqual([
      "line_item_id",
      "day",
      "impressions",
      "clicks",
    ]);
  });

  it("reports broken quoting without giving up on the other rows", () => {
    const parsed = parseDeliveryCsv(
      'line_item_id,day,impressions,clicks\n12,2030-01-10,"100"x,3\n12,2030-01-11,1"0,3\n12,2030-01-12,5,1\n12,"2030-01-13,5,1\n',
    );
    expect(parsed.rows).toEqual([row(4, 12, "2030-01-12", 5, 1)]);
    expect(parsed.errors.filter((e) => e.field === "line").map((e) => e.line)).toEqual([2, 3, 5]);
    expect(parsed.errors.find((e) => e.line === 5)?.message).toMatch(/never closed/);
  });

  it("refuses empty files, headers without rows, too many rows and too many bytes", () => {
    expect(parseDeliveryCsv("").errors).toEqual([{ line: 0, field: "file", message: "The file is empty." }]);
    expect(parseDeliveryCsv("\uFEFF\r\n").errors[0].message).toBe("The file is empty.");
    expect(parseDeliveryCsv("line_item_id,day,impressions,clicks\r\n").errors).toEqual([
      { line: 0, field: "file", message: "The file has a header but no rows." },
    ]);

    const body = (n: number) => Array.from({ length: n }, () => "12,2030-01-10,1,0").join("\n");
    const atLimit = parseDeliveryCsv(`line_item_id,day,impressions,clicks\n${body(maxCsvRows)}`);
    expect(atLimit.errors).toEqual([]);
    expect(atLimit.rows).toHaveLength(maxCsvRows);
    const over = parseDeliveryCsv(`line_item_id,day,impressions,clicks\n${body(maxCsvRows + 1)}`);
    expect(over.rows).toEqual([]);
    expect(over.errors).toEqual([
      { line: 0, field: "file", message: "The file has 10,001 rows; import at most 10,000 at a time." },
    ]);

    const big = `line_item_id,day,impressions,clicks,note\n12,2030-01-10,1,0,${"é".repeat(maxCsvBytes / 2)}`;
    expect(parseDeliveryCsv(big).errors).toEqual([
      { line: 0, field: "file", message: "The file is 2.0 MB; import at most 2 MB at a time." },
    ]);
  });

  it("says precisely when it cannot tell the column separator", () => {
    expect(detectCsvDelimiter("line_item_id;day;impressions;clicks\n")).toBe(";");
    expect(detectCsvDelimiter('"a;b",line_item_id,day,impressions,clicks\n')).toBe(",");
    expect(detectCsvDelimiter("line_item_id;day;impressions;clicks;a,b\n")).toBe(";");
    expect(parseDeliveryCsv("a,b;c\n1,2;3").errors).toEqual([
      {
        line: 1,
        field: "header",
        message:
          "The first line has both commas (1) and semicolons (1), so the column separator is unclear. Save the file as CSV with one separator between columns: line_item_id,day,impressions,clicks (or the same with semicolons).",
      },
    ]);
  });
});
