import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckboxField, TextField } from "./field";

function attrs(html: string, tag: string): Record<string, string> {
  const match = html.match(new RegExp(`<${tag}\\b([^>]*)>`));
  return Object.fromEntries([...(match?.[1] ?? "").matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe("TextField", () => {
  it("labels the input and points it at its error and hint", () => {
    const html = renderToStaticMarkup(
      createElement(TextField, {
        label: "Budget",
        name: "budget",
        error: ["Too low"],
        hint: "In USD",
        required: true,
      }),
    );
    const input = attrs(html, "input");
    const label = attrs(html, "label");
    expect(label.for).toBe(input.id);
    expect(input.name).toBe("budget");
    expect(input["aria-invalid"]).toBe("true");
    expect(input["aria-describedby"]).toBe(`${input.id}-error ${input.id}-hint`);
    expect(html).toContain(`id="${input.id}-error"`);
    expect(html).toContain("Too low");
    expect(input).toHaveProperty("required");
  });

  it("is not invalid without an error", () => {
    const html = renderToStaticMarkup(createElement(TextField, { label: "Name", name: "name" }));
    const input = attrs(html, "input");
    expect(input["aria-invalid"]).toBeUndefined();
    expect(input["aria-describedby"]).toBeUndefined();
  });
});

describe("CheckboxField", () => {
  it("labels the checkbox", () => {
    const html = renderToStaticMarkup(
      createElement(CheckboxField, { label: "Prepay required", name: "prepay" }),
    );
    expect(attrs(html, "label").for).toBe(attrs(html, "input").id);
    expect(attrs(html, "input").type).toBe("checkbox");
  });
});
