import { describe, expect, it } from "vitest";
import { csvResponse, csvStreamResponse } from "./run-route";

// Response.text() strips a BOM (as the Fetch spec decodes), so these read the bytes.
const firstBytes = async (response: Response) =>
  [...new Uint8Array(await response.arrayBuffer())].slice(0, 4);

describe("CSV downloads", () => {
  it("start with a UTF-8 BOM so Excel reads accents right", async () => {
    expect(await firstBytes(csvResponse("a,b\r\n", "x.csv"))).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    async function* chunks() {
      yield [["Café", 1]];
    }
    const streamed = await csvStreamResponse(["name", "n"], chunks(), "x.csv");
    const bytes = new Uint8Array(await streamed.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x6e]);
    expect(new TextDecoder().decode(bytes)).toBe("name,n\r\nCafé,1\r\n");
  });
});
