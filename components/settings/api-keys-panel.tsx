"use client";

import { CompactTable, columnHelper } from "@/components/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/actions/api-keys";

export type ApiKeyView = {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  lastUsed: string;
  created: string;
  revoked: boolean;
};

const accessOptions = [
  { value: "read_write", label: "Read and write (create, update and process orders)" },
  { value: "read", label: "Read only" },
];

function RevokeButton({ keyId, name }: { keyId: number; name: string }) {
  const { onSubmit } = useActionForm(revokeApiKeyAction, { toast: true });
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="keyId" value={keyId} />
      <SubmitButton variant="secondary" size="sm" aria-label={`Revoke ${name}`}>
        Revoke
      </SubmitButton>
    </form>
  );
}

const col = columnHelper<ApiKeyView>();
const columns = col.columns([
  col.accessor("name", { header: "Name", meta: { card: "title" } }),
  col.accessor("prefix", { header: "Key starts with", cell: (c) => <code>{c.getValue()}…</code> }),
  col.accessor("scopes", { header: "Scopes", cell: (c) => c.getValue().join(", ") }),
  col.accessor("lastUsed", { header: "Last used", meta: { priority: 2 } }),
  col.accessor("created", { header: "Created", meta: { priority: 3 } }),
  col.display({
    id: "actions",
    header: "Actions",
    meta: { srOnlyHeader: true, align: "right" },
    cell: (c) =>
      c.row.original.revoked ? (
        "Revoked"
      ) : (
        <RevokeButton keyId={c.row.original.id} name={c.row.original.name} />
      ),
  }),
]);

/** Create a key (shown once, right here) and revoke the ones no longer needed. */
export function ApiKeysPanel({ keys }: { keys: ApiKeyView[] }) {
  const { state, onSubmit, errors, value } = useActionForm(createApiKeyAction, { toast: true });
  const created = state?.ok ? state.data : null;
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end" noValidate>
        <div className="sm:col-span-3">
          <FormError state={state} />
        </div>
        <TextField label="Name" name="name" required error={errors.name} defaultValue={value("name")} />
        <SelectField
          label="Access"
          name="access"
          options={accessOptions}
          defaultValue={value("access") ?? "read_write"}
          error={errors.access}
        />
        <SubmitButton>Create key</SubmitButton>
      </form>
      {created && (
        <div role="status" className="rounded-md border border-line bg-brand-50 p-4 text-sm">
          <p className="font-medium text-ink">Copy the key “{created.name}” now: it is not shown again.</p>
          <label htmlFor="new-api-key" className="mt-2 block text-ink-muted">
            New API key
          </label>
          <input
            id="new-api-key"
            readOnly
            value={created.key}
            className="mt-1 w-full rounded border border-line bg-surface px-2 py-1 font-mono text-ink"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
      <CompactTable
        columns={columns}
        rows={keys}
        caption="API keys"
        cards
        empty={<p className="text-sm text-ink-muted">No API keys yet.</p>}
      />
    </div>
  );
}
