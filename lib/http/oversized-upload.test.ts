import { describe, expect, it } from "vitest";
import { actionBodyLimitBytes } from "@/lib/core/request-limits";
import { oversizedUpload } from "./oversized-upload";

const file = (bytes: number, name = "a.png") => new File([new Uint8Array(bytes)], name);

describe("oversizedUpload", () => {
  it("lets a form within the server action limit through", () => {
    const form = new FormData();
    form.set("name", "Spring");
    form.set("file", file(2 * 1024 * 1024));
    expect(oversizedUpload(form)).toBeNull();
  });

  it("refuses a file over the limit on its own field, keeping what was typed", () => {
    const form = new FormData();
    form.set("name", "Spring");
    form.set("file", file(actionBodyLimitBytes + 1));
    expect(oversizedUpload(form)).toEqual({
      ok: false,
      code: "invalid",
      error: "The file is 6.01 MB; an upload can be at most 6 MB.",
      fieldErrors: { file: ["The file is 6.01 MB; an upload can be at most 6 MB."] },
      values: { name: "Spring" },
    });
  });

  it("adds files up and names the largest", () => {
    const form = new FormData();
    form.set("logo", file(2 * 1024 * 1024));
    form.set("banner", file(5 * 1024 * 1024));
    const refused = oversizedUpload(form);
    expect(refused?.fieldErrors).toEqual({
      banner: ["The files add up to 7 MB; an upload can be at most 6 MB."],
    });
  });
});
