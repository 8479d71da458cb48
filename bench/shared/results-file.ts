import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const resultsFile = path.resolve(__dirname, "..", "RESULTS.md");

/**
 * Replaces the section `## <heading>` of bench/RESULTS.md with `section` (which starts with
 * that heading), or adds it at the end; every other benchmark's section stays as it was.
 * The benchmark owns its section up to the first `### ` heading: subsections below it are
 * written by people (before/after comparisons, earlier runs) and are kept under the new run.
 */
export function writeResultsSection(heading: string, section: string) {
  const existing = existsSync(resultsFile) ? readFileSync(resultsFile, "utf8") : "# Benchmark results\n";
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const start = existing.search(new RegExp(`^## ${escaped}\\s*$`, "m"));
  let next: string;
  if (start === -1) {
    next = `${existing.trimEnd()}\n\n${section.trim()}`;
  } else {
    const after = existing.slice(start + 1).search(/^## /m);
    const end = after === -1 ? existing.length : start + 1 + after;
    const old = existing.slice(start, end);
    const notes = old.search(/^### /m);
    const kept = notes === -1 ? "" : `\n\n${old.slice(notes).trim()}`;
    next = `${existing.slice(0, start)}${section.trim()}${kept}\n\n${existing.slice(end)}`;
  }
  writeFileSync(resultsFile, `${next.trimEnd()}\n`);
  console.log(`\nWrote the "${heading}" section of ${path.relative(process.cwd(), resultsFile)}.`);
}
