"use client";

import { useState } from "react";
import { FileField, SelectField, TextareaField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/core/errors";

export type CreativeKind = "image" | "html" | "text";

const kinds = [
  { value: "image", label: "Image (PNG, JPEG, GIF or WebP)" },
  { value: "html", label: "HTML" },
  { value: "text", label: "Text (headline and text)" },
];

export type CreativeDefaults = {
  kind?: CreativeKind;
  html?: string;
  headline?: string;
  text?: string;
  clickUrl?: string;
};

/**
 * The content fields of a creative: the kind, then only the fields that kind needs, and
 * the click URL. Fields of the other kinds are not rendered, so they are not sent.
 */
export function CreativeContentFields({
  errors,
  value,
  defaults = {},
}: {
  errors: FieldErrors;
  /** The previously submitted value of a field, after a failed attempt. */
  value: (name: string) => string | undefined;
  defaults?: CreativeDefaults;
}) {
  const [kind, setKind] = useState<CreativeKind>(
    (value("kind") as CreativeKind | undefined) ?? defaults.kind ?? "image",
  );
  return (
    <>
      <SelectField
        label="Kind"
        name="kind"
        options={kinds}
        value={kind}
        onChange={(event) => setKind(event.target.value as CreativeKind)}
        error={errors.kind}
      />
      {kind === "image" && (
        <FileField
          label="File"
          name="file"
          required
          error={errors.file}
          hint="PNG, JPEG, GIF or WebP up to 2 MB. Its pixel size must match the zones it serves in."
          accept="image/png,image/jpeg,image/gif,image/webp"
        />
      )}
      {kind === "html" && (
        <TextareaField
          label="HTML"
          name="html"
          required
          rows={6}
          className="sm:col-span-2"
          defaultValue={value("html") ?? defaults.html}
          error={errors.html}
          hint="Up to 100 KB. It is previewed in a sandbox, without scripts."
        />
      )}
      {kind === "text" && (
        <>
          <TextField
            label="Headline"
            name="headline"
            required
            maxLength={100}
            defaultValue={value("headline") ?? defaults.headline}
            error={errors.headline}
          />
          <TextareaField
            label="Text"
            name="text"
            required
            rows={3}
            maxLength={1000}
            className="sm:col-span-2"
            defaultValue={value("text") ?? defaults.text}
            error={errors.text}
          />
        </>
      )}
      <TextField
        label="Click URL"
        name="clickUrl"
        type="url"
        inputMode="url"
        required
        placeholder="https://"
        className="sm:col-span-2"
        defaultValue={value("clickUrl") ?? defaults.clickUrl}
        error={errors.clickUrl}
        hint="Where a click on the ad goes: an http:// or https:// address."
      />
    </>
  );
}
