"use client";

import { CheckboxField, Fieldset } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { setOrderRecipientsAction } from "@/lib/actions/notifications";
import type { RecipientOption } from "@/lib/notifications/order-recipients";

/** Staff choose who gets this order's emails on each side; nobody ticked means the side's usual people. */
export function RecipientsForm({
  orderId,
  staff,
  advertiser,
}: {
  orderId: number;
  staff: RecipientOption[];
  advertiser: RecipientOption[];
}) {
  const { state, onSubmit, errors } = useActionForm(setOrderRecipientsAction, { toast: true });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Email recipients">
      <input type="hidden" name="orderId" value={orderId} />
      <FormError state={state} />
      <Fieldset
        legend="Your team"
        error={errors.staffIds}
        hint="None ticked: the sales manager or owners and admins."
      >
        {staff.map((p) => (
          <CheckboxField
            key={p.userId}
            label={`${p.name} (${p.email})`}
            name="staffIds[]"
            value={p.userId}
            defaultChecked={p.chosen}
          />
        ))}
      </Fieldset>
      <Fieldset legend="The advertiser" error={errors.advertiserIds} hint="None ticked: all of their people.">
        {advertiser.map((p) => (
          <CheckboxField
            key={p.userId}
            label={`${p.name} (${p.email})`}
            name="advertiserIds[]"
            value={p.userId}
            defaultChecked={p.chosen}
          />
        ))}
      </Fieldset>
      <SubmitButton pendingLabel="Saving…">Save recipients</SubmitButton>
    </form>
  );
}
