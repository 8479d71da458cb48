import { z } from "zod";
import { optionalText, text } from "@/lib/core/validation";

export const propertyKinds = ["website", "newsletter", "podcast", "app", "other"] as const;
export type PropertyKind = (typeof propertyKinds)[number];

const webAddress = (field: string) =>
  optionalText({ max: 2000 }).refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return ["http:", "https:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error: `Enter the ${field} as a web address starting with https://.` },
  );

/** What a publisher says about a property, on create and on edit. */
export const propertyFields = {
  name: text({ min: 1, max: 120, required: "Name the property." }),
  kind: z.enum(propertyKinds, { error: "Choose what kind of property this is." }),
  url: webAddress("URL"),
  description: optionalText({ max: 2000 }),
  audience: optionalText({ max: 2000 }),
  logoUrl: webAddress("logo address"),
};
