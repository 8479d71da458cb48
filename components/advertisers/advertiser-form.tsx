"use client";

import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { addAdvertiser, saveAdvertiser } from "@/lib/actions/advertisers";

type Details = {
  id: number;
  company: string;
  contactName: string;
  contactEmail: string;
  phone: string | null;
};

/** Adds an advertiser, or edits one when `advertiser` is given; typed values survive an error. */
export function AdvertiserForm({ advertiser }: { advertiser?: Details }) {
  const { state, onSubmit, errors } = useActionForm(advertiser ? saveAdvertiser : addAdvertiser, {
    toast: true,
  });
  const shown = (name: keyof Details) => (advertiser ? String(advertiser[name] ?? "") : undefined);
  // An edit form remounts after a save to show what was saved; a new advertiser's form is reset.
  const key = state?.ok && advertiser ? JSON.stringify(state.data) : "form";
  return (
    <form key={key} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      {advertiser && <input type="hidden" name="advertiserId" value={advertiser.id} />}
      <div className="sm:col-span-2">
        <FormError state={state} />
      </div>
      <TextField
        label="Company"
        name="company"
        required
        defaultValue={shown("company")}
        error={errors.company}
      />
      <TextField
        label="Contact name"
        name="contactName"
        required
        defaultValue={shown("contactName")}
        error={errors.contactName}
      />
      <TextField
        label="Contact email"
        name="contactEmail"
        type="email"
        required
        defaultValue={shown("contactEmail")}
        hint="Order emails to the advertiser go here."
        error={errors.contactEmail}
      />
      <TextField label="Phone" name="phone" type="tel" defaultValue={shown("phone")} error={errors.phone} />
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel="Saving…">
          {advertiser ? "Save advertiser" : "Add advertiser"}
        </SubmitButton>
      </div>
    </form>
  );
}
