"use client";

import { CheckboxField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveAdServerConnectionAction, testAdServerConnectionAction } from "@/lib/actions/ad-server";

export type AdServerConnectionView = { url: string; enabled: boolean; updated: string } | null;

function TestButton() {
  const { onSubmit } = useActionForm(testAdServerConnectionAction, { toast: true });
  return (
    <form onSubmit={onSubmit}>
      <SubmitButton variant="secondary">Test connection</SubmitButton>
    </form>
  );
}

/** The ad server's address, its on/off switch, a new secret on demand (shown once, here) and a test call. */
export function AdServerPanel({ connection }: { connection: AdServerConnectionView }) {
  const { state, onSubmit, errors, value } = useActionForm(saveAdServerConnectionAction, { toast: true });
  const saved = state?.ok ? state.data : null;
  const failedValues = state && !state.ok;
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="grid gap-4" noValidate>
        <FormError state={state} />
        <TextField
          label="Endpoint address (https)"
          name="url"
          type="url"
          required
          placeholder="https://ads.example.com/addesk"
          hint="AdDesk POSTs each line item change here, signed like webhooks, and expects {&quot;remoteId&quot;: &quot;…&quot;} back."
          error={errors.url}
          defaultValue={failedValues ? value("url") : (connection?.url ?? "")}
        />
        <CheckboxField
          label="Send line item changes to this ad server"
          name="enabled"
          defaultChecked={connection ? connection.enabled : true}
          error={errors.enabled}
        />
        {connection && (
          <CheckboxField
            label="Make a new signing secret"
            name="newSecret"
            hint="The old secret stops working at once; your adapter needs the new one."
            error={errors.newSecret}
          />
        )}
        <div>
          <SubmitButton>{connection ? "Save connection" : "Connect ad server"}</SubmitButton>
        </div>
      </form>
      {saved?.secret && (
        <div role="status" className="rounded-md border border-line bg-brand-50 p-4 text-sm">
          <p className="font-medium text-ink">Copy the signing secret now: it is not shown again.</p>
          <label htmlFor="new-ad-server-secret" className="mt-2 block text-ink-muted">
            Signing secret
          </label>
          <input
            id="new-ad-server-secret"
            readOnly
            value={saved.secret}
            className="mt-1 w-full rounded border border-line bg-surface px-2 py-1 font-mono text-ink"
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      )}
      {connection && (
        <div className="flex flex-wrap items-center gap-3 border-t border-line pt-4">
          <TestButton />
          <p className="text-sm text-ink-muted">
            Sends a signed <code>connection.test</code> call; any 2xx answer passes. Last saved{" "}
            {connection.updated}.
          </p>
        </div>
      )}
    </div>
  );
}
