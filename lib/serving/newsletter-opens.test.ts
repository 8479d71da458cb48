import { describe, expect, it } from "vitest";
import { frameDocument, tagScript } from "./frame-document";
import { NewsletterOpens, parseOpenId } from "./newsletter-opens";

describe("newsletter opens", () => {
  it("recalls an open per zone until it expires, and forgets the oldest past the limit", () => {
    const opens = new NewsletterOpens<number>(1_000, 2);
    opens.remember(1, "a", 10, 0);
    expect(opens.recall(1, "a", 999)).toBe(10);
    expect(opens.recall(2, "a", 0)).toBeNull();
    expect(opens.recall(1, "a", 1_001)).toBeNull();
    opens.remember(1, "b", 11, 0);
    opens.remember(1, "c", 12, 0);
    expect(opens.recall(1, "a", 0)).toBeNull();
    expect(opens.recall(1, "c", 0)).toBe(12);
  });

  it("takes only bounded, plain open ids", () => {
    expect(parseOpenId("sub-42@list.example")).toBe("sub-42@list.example");
    for (const bad of [null, "", "x".repeat(129), "<script>", "a b", "a\u0000b"])
      expect(parseOpenId(bad)).toBeNull();
  });
});

describe("the frame document", () => {
  const creative = {
    id: 7,
    name: 'Sale "now" <b>',
    kind: "text" as const,
    width: null,
    height: null,
    body: "Shoes & more\n<script>alert(1)</script>",
    mimeType: null,
    filePath: null,
    bytes: null,
    clickUrl: "https://shop.example",
  };

  it("escapes a text creative and its name", () => {
    const html = frameDocument(creative, 3, "/s/c/t", "/s/a/t");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Shoes &amp; more");
    expect(html).toContain('data-creative-name="Sale &quot;now&quot; &lt;b&gt;"');
    expect(html).toContain('href="/s/c/t" target="_blank"');
  });

  it("writes a script that cannot be broken out of by the zone's name", () => {
    const code = tagScript("/s/f/tok", 300, 250, "Advertisement: </script><b>");
    expect(code).not.toContain("</script>");
  });
});
