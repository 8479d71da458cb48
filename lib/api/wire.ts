import { XMLParser } from "fast-xml-parser";
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { BadRequest, NotFound } from "@/lib/core/errors";

/** Seed 002's two formats: a path ends in `.json` or `.xml`; without a suffix, JSON. */
export type WireFormat = "json" | "xml";

/** A body shaped as data; arrays of objects become repeated child elements in XML. */
export type WireValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | WireValue[]
  | { [key: string]: WireValue };

/** `12.xml` → 12 and xml; `12` → 12 and json. Anything else is not an order of this API. */
export function splitIdAndFormat(segment: string, what = "Order"): { id: number; format: WireFormat } {
  const match = /^(\d{1,10})(?:\.(json|xml))?$/.exec(segment);
  const id = match ? Number(match[1]) : Number.NaN;
  if (!match || id < 1 || id > 2_147_483_647) throw new NotFound(`${what} ${JSON.stringify(segment)}`);
  return { id, format: (match[2] as WireFormat | undefined) ?? "json" };
}

/** The format of a path's last segment (`….xml`), else what the client sent or accepts. */
export function requestedFormat(request: Request, segment?: string): WireFormat {
  if (segment?.endsWith(".xml")) return "xml";
  if (segment?.endsWith(".json")) return "json";
  const accept = request.headers.get("accept") ?? "";
  const type = request.headers.get("content-type") ?? "";
  if (/\bxml\b/i.test(accept) && !/\bjson\b/i.test(accept)) return "xml";
  if (!accept.includes("json") && isXmlType(type)) return "xml";
  return "json";
}

const isXmlType = (type: string) => /^(application|text)\/xml\b/i.test(type.trim());

/** Element names for the items of a list: `orders` holds `order`, `countries` holds `country`. */
export const itemName = (listName: string) =>
  listName.endsWith("ies") ? `${listName.slice(0, -3)}y` : listName.replace(/s$/, "");

function appendValue(parent: XMLBuilder, name: string, value: WireValue) {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    const list = parent.ele(name);
    for (const item of value) appendValue(list, itemName(name), item);
    return;
  }
  if (typeof value === "object") {
    const element = parent.ele(name);
    for (const [key, child] of Object.entries(value)) appendValue(element, key, child);
    return;
  }
  parent.ele(name).txt(String(value));
}

/** `body` as an XML document whose root is `root` (an array: `root` holding one element per item). */
export function toXml(root: string, body: WireValue, attributes: Record<string, string> = {}): string {
  const doc = create({ version: "1.0", encoding: "UTF-8" });
  const element = doc.ele(root, attributes);
  if (Array.isArray(body)) for (const item of body) appendValue(element, itemName(root), item);
  else if (body && typeof body === "object")
    for (const [key, child] of Object.entries(body)) appendValue(element, key, child);
  else if (body !== null && body !== undefined) element.txt(String(body));
  return doc.end({ prettyPrint: true });
}

/** The response in the requested format, with the same data either way. */
export function wireResponse(
  format: WireFormat,
  root: string,
  body: WireValue,
  init: { status?: number; headers?: Record<string, string>; attributes?: Record<string, string> } = {},
): Response {
  const headers = new Headers(init.headers);
  headers.set("cache-control", "no-store");
  if (format === "xml") {
    headers.set("content-type", "application/xml; charset=utf-8");
    return new Response(toXml(root, body, init.attributes), { status: init.status ?? 200, headers });
  }
  headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}

// Entities are never expanded (no billion laughs, no external entities); attributes are not data here.
const xmlParser = new XMLParser({
  processEntities: false,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** The largest request body the API reads. */
export const apiBodyLimitBytes = 256 * 1024;

/**
 * The request body as data: JSON, XML (the root element's children; every value text,
 * which the schemas read as they read form fields) or a form. Empty → {}.
 */
export async function readBody(request: Request, text?: string): Promise<unknown> {
  const raw = text ?? (await request.text());
  if (raw.length > apiBodyLimitBytes)
    throw new BadRequest("The request body is too large.", { body: ["Too large."] });
  if (!raw.trim()) return {};
  const type = request.headers.get("content-type") ?? "";
  if (isXmlType(type)) return parseXmlBody(raw);
  if (/^application\/x-www-form-urlencoded\b/i.test(type))
    return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new BadRequest("The body is not valid JSON.", { body: ["Not valid JSON."] });
  }
}

function parseXmlBody(raw: string): unknown {
  let parsed: unknown;
  try {
    if (/<!DOCTYPE|<!ENTITY/i.test(raw)) throw new Error("A DTD is never read.");
    parsed = xmlParser.parse(raw, true);
  } catch {
    throw new BadRequest("The body is not well-formed XML (document type declarations are not accepted).", {
      body: ["Not well-formed XML."],
    });
  }
  const roots = parsed && typeof parsed === "object" ? Object.values(parsed) : [];
  if (roots.length !== 1)
    throw new BadRequest("The XML body needs exactly one root element.", { body: ["One root element."] });
  // <order></order> parses as "": an element without children.
  return roots[0] === "" ? {} : roots[0];
}
