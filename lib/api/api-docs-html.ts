import { openApiDocument } from "./openapi";

type Json = Record<string, unknown>;

const html = (value: unknown) => String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function typeOf(schema: Json | undefined): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop() ?? "";
  if (Array.isArray(schema.enum)) return schema.enum.join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items as Json)}[]`;
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeOf).join(" or ");
  return Array.isArray(schema.type) ? schema.type.join(" or ") : String(schema.type ?? "any");
}

function propertiesTable(schema: Json): string {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = (schema.required ?? []) as string[];
  const rows = Object.entries(properties)
    .map(
      ([name, property]) =>
        `<tr><td><code>${html(name)}</code>${required.includes(name) ? " <em>required</em>" : ""}</td><td>${html(typeOf(property))}</td><td>${html(property.description)}</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th>attribute</th><th>type</th><th>notes</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** /api/docs: the OpenAPI document as a plain page, rendered on the server (no script). */
export function apiDocsHtml(): string {
  const doc = openApiDocument() as Json & {
    info: { title: string; description: string };
    paths: Record<string, Record<string, Json>>;
    components: { schemas: Record<string, Json> };
  };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const parameters = ((op.parameters ?? []) as Json[])
        .map(
          (p) =>
            `<tr><td><code>${html(p.name)}</code> (${html(p.in)})${p.required ? " <em>required</em>" : ""}</td><td>${html(typeOf(p.schema as Json))}</td><td>${html(p.description)}</td></tr>`,
        )
        .join("");
      const responses = Object.entries((op.responses ?? {}) as Record<string, Json>)
        .map(([status, r]) => `<li><strong>${html(status)}</strong> ${html(r.description)}</li>`)
        .join("");
      const body = (op.requestBody as Json | undefined)?.content as
        | Record<string, { schema: Json }>
        | undefined;
      const bodyType = body ? typeOf(body["application/json"].schema) : "";
      return `<section id="${html(op.operationId)}"><h2><span class="m">${method.toUpperCase()}</span> <code>${html(path)}</code></h2>
<p><strong>${html(op.summary)}</strong>. ${html(op.description)}</p>
${parameters ? `<h3>Parameters</h3><table><thead><tr><th>name</th><th>type</th><th>notes</th></tr></thead><tbody>${parameters}</tbody></table>` : ""}
${bodyType ? `<h3>Body</h3><p>JSON or XML: <a href="#schema-${html(bodyType)}">${html(bodyType)}</a></p>` : ""}
<h3>Responses</h3><ul>${responses}</ul></section>`;
    }),
  );
  const schemas = Object.entries(doc.components.schemas)
    .map(
      ([name, schema]) =>
        `<section id="schema-${html(name)}"><h2>${html(name)}</h2><p>${html(schema.description)}</p>${propertiesTable(schema)}</section>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(doc.info.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#0f172a}
table{border-collapse:collapse;width:100%;display:block;overflow-x:auto}td,th{border:1px solid #e2e8f0;padding:.25rem .5rem;text-align:left;vertical-align:top}
code{background:#f1f5f9;padding:0 .2rem}.m{background:#1e40af;color:#fff;padding:0 .4rem;border-radius:.2rem;font-size:.9em}
section{border-top:1px solid #cbd5e1;margin-top:2rem}a{color:#1d4ed8}</style></head><body>
<header><h1>${html(doc.info.title)}</h1><p>${html(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p></header>
<main>${operations.join("")}<h1>Schemas</h1>${schemas}</main></body></html>`;
}
