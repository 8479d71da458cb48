import fc from "fast-check";
import type { z } from "zod";
import { pngBytes } from "@/test/fixtures/images";

/**
 * Values that broke, or could break, input handling: ids past 32 bits, numbers that
 * z.coerce would accept (true, "0x10", " 12", a Date), NUL bytes, impossible and far-off
 * dates, huge text, wrong types, and files that lie about their size.
 */
export function pngClaiming(width: number, height: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(pngBytes(1, 1));
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}

export const hostileValues = (): unknown[] => [
  "2147483648",
  2147483648,
  9_999_999_999,
  "9999999999",
  1767225600000,
  new Date("2026-01-01T00:00:00Z"),
  "0x10",
  "1e3",
  " 12",
  "-1",
  -1,
  0,
  "0",
  1.5,
  "1.5",
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.MAX_SAFE_INTEGER,
  1e300,
  "1,200",
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "#\u0000",
  "%00",
  "\ud800",
  true,
  false,
  "true",
  "on",
  null,
  undefined,
  "9999-12-31",
  "0001-01-01",
  "2026-02-30",
  "2030-01-10T00:00:00Z",
  "x".repeat(20_000),
  [],
  {},
  ["1", "2"],
  [null],
  { nested: "\u0000" },
  new File([pngClaiming(2 ** 31, 1)], "huge.png", { type: "image/png" }),
  new File([pngClaiming(1, 2 ** 32 - 1)], "tall.png", { type: "image/png" }),
  new File([new Uint8Array(pngBytes(728, 90))], "ok.png", { type: "image/png" }),
  new File([new Uint8Array(0)], "empty.png", { type: "image/png" }),
  new File([new Uint8Array(3 * 1024 * 1024)], "big.png", { type: "image/png" }),
  new File(["line_item_id,day,impressions,clicks\n1,2030-01-10,1,0\n"], "a.csv"),
];

/** Plain JSON-ish values with no meaning, for fields and whole inputs alike. */
const anyScalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

/**
 * A value for one field: what real use sends (`plausible`: real ids, days, emails of the
 * test world), a hostile value, or noise.
 */
export function leafValue(plausible: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...plausible) },
    { weight: 3, arbitrary: fc.constantFrom(...hostileValues()) },
    { weight: 1, arbitrary: anyScalar },
  );
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A leaf value for a field, by the field's name (the last key of its path). */
export type LeafFor = (key: string) => fc.Arbitrary<unknown>;

/**
 * Inputs shaped like what `schema` reads (its keys, enum values, nesting) with every
 * leaf drawn from `leaf`, so fuzzing gets past "not an object" into each field's checks
 * and, when everything happens to be valid, into the verb itself.
 */
export function inputFor(schema: z.ZodType, leaf: LeafFor, key = "", depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return leaf(key);
  const inner = (s: z.ZodType, k = key) => inputFor(s, leaf, k, depth + 1);
  switch (def.type) {
    case "object": {
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, inner(s, k)])));
    }
    case "array":
      return fc.oneof(fc.array(inner(def.element!), { maxLength: 3 }), leaf(key));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return fc.oneof(fc.constant(undefined), inner(def.innerType!));
    case "pipe":
      return inner(def.in!);
    case "union":
      return fc.oneof(...def.options!.map((option) => inner(option)), leaf(key));
    case "enum":
      return fc.oneof(fc.constantFrom(...Object.values(def.entries!)), leaf(key));
    case "literal":
      return fc.oneof(fc.constantFrom(...def.values!), leaf(key));
    default:
      return leaf(key);
  }
}

/**
 * A valid input with some of its fields (at any depth) replaced by a leaf value: the
 * request a person gets by tampering with one field of a real form.
 */
export function mutationOf(example: unknown, leaf: LeafFor, key = ""): fc.Arbitrary<unknown> {
  if (Array.isArray(example)) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.tuple(...example.map((item) => mutationOf(item, leaf, key))) },
      { weight: 1, arbitrary: leaf(key) },
    );
  }
  if (typeof example === "object" && example !== null && !(example instanceof File)) {
    return fc.record(
      Object.fromEntries(Object.entries(example).map(([k, value]) => [k, mutationOf(value, leaf, k)])),
    );
  }
  return fc.oneof({ weight: 3, arbitrary: fc.constant(example) }, { weight: 1, arbitrary: leaf(key) });
}

/** The same input as a browser would post it: text fields, repeated keys for lists, files as files. */
export function toFormData(value: unknown): FormData {
  const form = new FormData();
  if (typeof value !== "object" || value === null) return form;
  const put = (key: string, v: unknown) => {
    if (v === undefined) return;
    if (v instanceof File) form.append(key, v);
    else if (typeof v === "object" && v !== null && !(v instanceof Date)) form.append(key, JSON.stringify(v));
    else form.append(key, String(v));
  };
  for (const [key, v] of Object.entries(value)) {
    if (Array.isArray(v)) for (const item of v) put(key, item);
    else put(key, v);
  }
  return form;
}

/** A query string's value as text: what a URL can carry of any leaf. */
export function queryText(value: unknown): string | undefined {
  if (value === undefined || value instanceof File) return undefined;
  if (typeof value === "object" && value !== null && !(value instanceof Date)) return JSON.stringify(value);
  return String(value);
}
