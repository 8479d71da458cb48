"use client";

import Link from "next/link";
import { type FormEvent, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/call-action";
import { FileInput } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { ProgressBar } from "@/components/ui/progress-bar";
import { commitDeliveryImportAction, previewDeliveryImportAction } from "@/lib/actions/delivery-import";
import type { ImportDeliveryResult } from "@/lib/delivery/import-delivery-csv";
import { deliveryImportCsvHeader, maxCsvBytes, maxCsvRows } from "@/lib/delivery/parse-delivery-csv";
import { formatCount } from "@/lib/format/format-count";
import { countOf, plural } from "@/lib/format/units";
import type { ActionState } from "@/lib/http/result";
import { clicksOverImpressions } from "./clicks-warning";
import { ImportPreviewTable } from "./import-preview-table";

/** Rows shown in the preview table; every problem is listed above it regardless. */
const rowsShown = 500;
const problemsShown = 200;

const template = `data:text/csv;charset=utf-8,${encodeURIComponent(`${deliveryImportCsvHeader}\r\n`)}`;

const rowsLabel = (n: number) => plural(n, "row", "rows");
const countsLabel = (totals: { impressions: number; clicks: number }) =>
  `${countOf(totals.impressions, "impressions")} and ${countOf(totals.clicks, "clicks")}`;

function Preview({ result }: { result: ImportDeliveryResult }) {
  const errorRows = result.rows.filter((r) => r.errors.length > 0).length;
  return (
    <div className="space-y-4">
      <p className="text-sm text-ink">
        {rowsLabel(result.rows.length)}: {formatCount(result.validRows)} ready
        {result.unchangedRows > 0 && ` (${formatCount(result.unchangedRows)} unchanged)`},{" "}
        {formatCount(errorRows)} with problems. Ready rows add up to {countsLabel(result.totals)}.
      </p>
      {result.errors.length > 0 && (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          <p className="font-medium">
            {result.mode === "commit" ? "Nothing was imported. " : ""}
            Fix{" "}
            {result.errors.length === 1
              ? "this problem"
              : `these ${formatCount(result.errors.length)} problems`}{" "}
            in the file, then preview it again:
          </p>
          <ul aria-label="Problems" className="mt-1 list-disc space-y-0.5 pl-5">
            {result.errors.slice(0, problemsShown).map((e, i) => (
              <li key={i}>
                {e.line > 0 ? `Line ${e.line}` : "File"}
                {e.field !== "file" && e.field !== "line" ? ` · ${e.field}` : ""}: {e.message}
              </li>
            ))}
          </ul>
          {result.errors.length > problemsShown && (
            <p className="mt-1">…and {formatCount(result.errors.length - problemsShown)} more.</p>
          )}
        </div>
      )}
      {result.rows.length > 0 && (
        <div className="overflow-hidden rounded-md border border-line">
          <ImportPreviewTable rows={result.rows.slice(0, rowsShown)} />
          {result.rows.length > rowsShown && (
            <p className="px-3 py-2 text-xs text-ink-muted">
              Showing the first {formatCount(rowsShown)} of {rowsLabel(result.rows.length)}.
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * Upload a delivery CSV, see every row checked against your orders, then import all of
 * it in one go. Nothing is written until "Import", and nothing at all if any row fails.
 */
export function ImportDeliveryForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [result, setResult] = useState<ActionState<ImportDeliveryResult>>(null);
  const [imported, setImported] = useState<ImportDeliveryResult | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [working, setWorking] = useState<"preview" | "commit" | null>(null);
  // Rows with more clicks than impressions are imported only once the person says so.
  const [askingAboutClicks, setAskingAboutClicks] = useState(false);
  const [, startTransition] = useTransition();

  async function preview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement | null;
    const file = input?.files?.[0];
    setImported(null);
    setResult(null);
    setAskingAboutClicks(false);
    if (!file) return setFileError("Choose a CSV file.");
    if (file.size > maxCsvBytes)
      return setFileError("The file is larger than 2 MB; import at most 2 MB at a time.");
    setFileError(null);
    const text = await file.text();
    setCsv({ name: file.name, text });
    setWorking("preview");
    startTransition(async () => {
      const answer = await callAction(() =>
        previewDeliveryImportAction(null, { csv: text, mode: "preview" }),
      );
      setResult(answer);
      setWorking(null);
    });
  }

  function commit() {
    if (!csv) return;
    if (clickWarnings.length > 0 && !askingAboutClicks) return setAskingAboutClicks(true);
    setAskingAboutClicks(false);
    setWorking("commit");
    startTransition(async () => {
      const answer = await callAction(
        () => commitDeliveryImportAction(null, { csv: csv.text, mode: "commit" }),
        {
          retry: commit,
        },
      );
      if (answer?.ok && answer.data.committed) {
        setImported(answer.data);
        setResult(null);
        setCsv(null);
        formRef.current?.reset();
      } else {
        setResult(answer);
      }
      setWorking(null);
    });
  }

  const ready = result?.ok ? result.data : null;
  const canImport = ready !== null && ready.errors.length === 0 && ready.validRows > 0;
  const clickWarnings = (ready?.rows ?? []).flatMap((row) => {
    const warning =
      row.errors.length === 0 && clicksOverImpressions(row.values.impressions, row.values.clicks);
    return warning ? [{ line: row.line, warning }] : [];
  });
  return (
    <div className="space-y-6">
      <form ref={formRef} onSubmit={preview} className="space-y-4" noValidate>
        <Field
          label="CSV file"
          error={fileError}
          hint={
            <>
              First line: <code className="font-mono">{deliveryImportCsvHeader}</code> (<code>date</code>{" "}
              works for <code>day</code>; other columns are ignored). Days as YYYY-MM-DD in your time zone. Up
              to {formatCount(maxCsvRows)} rows and 2 MB.{" "}
              <a
                href={template}
                download="delivery-template.csv"
                className="font-medium text-brand-700 underline"
              >
                Download a template
              </a>
              .
            </>
          }
        >
          {(control) => (
            <FileInput
              {...control}
              name="file"
              accept=".csv,text/csv"
              onChange={() => {
                setResult(null);
                setCsv(null);
              }}
            />
          )}
        </Field>
        <Button type="submit" variant="secondary" disabled={working !== null}>
          {working === "preview" ? "Checking…" : "Preview"}
        </Button>
      </form>

      {working && <ProgressBar label={working === "preview" ? "Checking rows…" : "Importing…"} />}

      {imported && (
        <div
          role="status"
          className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          Imported {rowsLabel(imported.validRows)}
          {imported.unchangedRows > 0 && ` (${formatCount(imported.unchangedRows)} already up to date)`}:{" "}
          {countsLabel(imported.totals)} for {imported.orderIds.length === 1 ? "order" : "orders"}{" "}
          {imported.orderIds.map((id, i) => (
            <span key={id}>
              {i > 0 && ", "}
              <Link href={`/publisher/orders/${id}`} className="font-medium underline">
                #{id}
              </Link>
            </span>
          ))}
          .
        </div>
      )}

      {result && !result.ok && (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {result.error} {Object.values(result.fieldErrors).flat().join(" ")}
        </div>
      )}

      {ready && csv && (
        <section aria-label="Preview" className="space-y-4">
          <h2 className="text-base font-semibold text-ink">Preview of {csv.name}</h2>
          <Preview result={ready} />
          {clickWarnings.length > 0 && (
            <div
              role={askingAboutClicks ? "alert" : "status"}
              className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              <p className="font-medium">
                {clickWarnings.length === 1
                  ? `Line ${clickWarnings[0].line}: ${clickWarnings[0].warning}`
                  : `${formatCount(clickWarnings.length)} rows have more clicks than impressions`}
                {askingAboutClicks ? " — import anyway?" : "."}
              </p>
              {clickWarnings.length > 1 && (
                <ul aria-label="More clicks than impressions" className="mt-1 list-disc pl-5">
                  {clickWarnings.slice(0, problemsShown).map((w) => (
                    <li key={w.line}>
                      Line {w.line}: {w.warning}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={commit} disabled={!canImport || working !== null}>
              {working === "commit"
                ? "Importing…"
                : askingAboutClicks
                  ? "Import anyway"
                  : `Import ${rowsLabel(ready.validRows)}`}
            </Button>
            {askingAboutClicks && (
              <Button variant="secondary" onClick={() => setAskingAboutClicks(false)}>
                Not now
              </Button>
            )}
            {!canImport && (
              <span className="text-sm text-ink-muted">
                {ready.validRows === 0 && ready.errors.length === 0
                  ? "There is nothing to import."
                  : "Every row must pass before anything is imported."}
              </span>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
