"use client";

import Link from "next/link";
import { type FormEvent, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/ui/call-action";
import { Input } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { commitDeliveryImportAction, previewDeliveryImportAction } from "@/lib/actions/delivery-import";
import type { ImportDeliveryResult } from "@/lib/delivery/import-delivery-csv";
import { deliveryImportCsvHeader, maxCsvBytes, maxCsvRows } from "@/lib/delivery/parse-delivery-csv";
import { formatCount } from "@/lib/format/format-count";
import { countOf, plural } from "@/lib/format/units";
import type { ActionState } from "@/lib/http/result";

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
        <ScrollRegion label="Rows in the file" className="rounded-md border border-line">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Rows in the file</caption>
            <thead className="border-b border-line bg-slate-50 text-xs uppercase tracking-wide text-ink-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Line
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Line item
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Day
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Impressions
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  Clicks
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Replaces
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Check
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {result.rows.slice(0, rowsShown).map((row) => {
                const bad = row.errors.length > 0;
                return (
                  <tr key={row.line} className={bad ? "bg-red-50/60 align-top" : "align-top"}>
                    <td className="px-3 py-1.5 tabular-nums text-ink-muted">{row.line}</td>
                    <td className="px-3 py-1.5">
                      {row.orderId ? (
                        <Link
                          href={`/publisher/orders/${row.orderId}`}
                          className="text-brand-700 hover:underline"
                        >
                          #{row.values.line_item_id.trim().replace(/^#/, "")}
                        </Link>
                      ) : (
                        row.values.line_item_id
                      )}
                    </td>
                    <td className="px-3 py-1.5 whitespace-nowrap">{row.values.day}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{row.values.impressions}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{row.values.clicks}</td>
                    <td className="px-3 py-1.5 text-xs text-ink-muted">
                      {row.before
                        ? `${formatCount(row.before.impressions)} / ${formatCount(row.before.clicks)}`
                        : "—"}
                    </td>
                    <td className="px-3 py-1.5">
                      {bad ? (
                        <ul className="space-y-0.5 text-xs font-medium text-red-800">
                          {row.errors.map((e, i) => (
                            <li key={i}>{e.message}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="text-xs text-green-800">OK</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {result.rows.length > rowsShown && (
            <p className="px-3 py-2 text-xs text-ink-muted">
              Showing the first {formatCount(rowsShown)} of {rowsLabel(result.rows.length)}.
            </p>
          )}
        </ScrollRegion>
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
  const [, startTransition] = useTransition();

  async function preview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement | null;
    const file = input?.files?.[0];
    setImported(null);
    setResult(null);
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
            <Input
              {...control}
              name="file"
              type="file"
              accept=".csv,text/csv"
              className="h-auto py-1.5"
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
          <div className="flex flex-wrap items-center gap-3">
            <Button onClick={commit} disabled={!canImport || working !== null}>
              {working === "commit" ? "Importing…" : `Import ${rowsLabel(ready.validRows)}`}
            </Button>
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
