import { describe, expect, it } from "vitest";
import { toCsv } from "./to-csv";

describe("toCsv", () => {
  it.each([
    [[["a", "b"]], "a,b\r\n"],
    [
      [
        ["Name", "Amount"],
        ["Acme", 1234],
      ],
      "Name,Amount\r\nAcme,1234\r\n",
    ],
    [[["a,b", 'say "hi"', "two\nlines"]], '"a,b","say ""hi""","two\nlines"\r\n'],
    [[[null, undefined, true, 12n]], ",,true,12\r\n"],
    [[[new Date("2025-03-05T12:00:00Z")]], "2025-03-05T12:00:00.000Z\r\n"],
    [[["=SUM(A1)", "+1", "-1", "@x", -1]], "'=SUM(A1),'+1,'-1,'@x,-1\r\n"],
    [[['=HYPERLINK("x")']], '"\'=HYPERLINK(""x"")"\r\n'],
    [[], ""],
  ] as const)("case %#", (rows, expected) => {
    expect(toCsv(rows)).toBe(expected);
  });
});
