"use client";

import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { invite } from "@/lib/actions/team";

const roles = [
  { value: "viewer", label: "Viewer (read only)" },
  { value: "sales_manager", label: "Sales manager" },
  { value: "admin", label: "Admin" },
  { value: "owner", label: "Owner" },
];

const permissions = [
  { value: "confirm_sales", label: "Can confirm sales" },
  { value: "manage_recurring", label: "Can manage recurring order statuses" },
  { value: "overbook", label: "Can overbook inventory" },
];

export function InviteForm() {
  const { state, onSubmit, errors, value, checked } = useActionForm(invite, { toast: true });
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormError state={state} />
      </div>
      <TextField
        label="Email"
        name="email"
        type="email"
        required
        error={errors.email}
        defaultValue={value("email")}
      />
      <SelectField
        label="Role"
        name="role"
        options={roles}
        defaultValue={value("role") ?? "sales_manager"}
        error={errors.role}
      />
      <fieldset className="space-y-2 sm:col-span-2">
        <legend className="text-sm font-medium">Permissions</legend>
        {permissions.map((p) => (
          <CheckboxField
            key={p.value}
            label={p.label}
            name="permissions[]"
            value={p.value}
            defaultChecked={checked("permissions", p.value)}
          />
        ))}
      </fieldset>
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel="Sending…">Send invitation</SubmitButton>
      </div>
    </form>
  );
}
