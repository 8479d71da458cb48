import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.includes(".test."))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Every "use server" module of the app: each export is a public endpoint. */
export function serverActionFiles(): string[] {
  return [...sourceFiles("app"), ...sourceFiles("lib")]
    .filter((file) => /^\s*["']use server["']/.test(readFileSync(path.join(root, file), "utf8")))
    .sort();
}

/** Every route handler module of the app. */
export function routeFiles(): string[] {
  return sourceFiles("app")
    .filter((file) => path.basename(file) === "route.ts")
    .sort();
}

export async function importModule(file: string): Promise<Record<string, unknown>> {
  return import(path.join(root, file));
}

/** The dynamic segments of a route file's path: app/files/creatives/[id]/route.ts → ["id"]. */
export function routeParams(file: string): string[] {
  return [...file.matchAll(/\[([^\].]+)\]/g)].map((match) => match[1]);
}

/** The URL path a route file answers, with its dynamic segments filled in. */
export function routePath(file: string, params: Record<string, string>): string {
  return `/${path
    .dirname(file)
    .replace(/^app\/?/, "")
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) =>
      segment.replace(/^\[([^\]]+)\]$/, (_, name: string) => encodeURIComponent(params[name] ?? "")),
    )
    .join("/")}`;
}
