"use client";

import { CheckboxField, SelectField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { changeRole } from "@/lib/actions/team";
import { permissionOptions, roleOptions } from "./role-options";

type Member = { id: number; name: string; role: string; permissions: string[] };

/** Role and permissions of one team member, changed in place by an owner or admin. */
export function MemberRoleForm({ member, canGrantOwner }: { member: Member; canGrantOwner: boolean }) {
  const { state, onSubmit, errors } = useActionForm(changeRole, { toast: true });
  const roles = canGrantOwner ? roleOptions : roleOptions.filter((r) => r.value !== "owner");
  return (
    <form
      onSubmit={onSubmit}
      className="grid gap-3 sm:grid-cols-[minmax(0,14rem)_1fr_auto] sm:items-end"
      noValidate
    >
      <input type="hidden" name="membershipId" value={member.id} />
      <div className="sm:col-span-3">
        <FormError state={state} />
      </div>
      <SelectField
        label={`Role of ${member.name}`}
        name="role"
        options={roles}
        defaultValue={member.role}
        error={errors.role}
      />
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
        <legend className="sr-only">Permissions of {member.name}</legend>
        {permissionOptions.map((p) => (
          <CheckboxField
            key={p.value}
            label={p.label}
            name="permissions[]"
            value={p.value}
            defaultChecked={member.permissions.includes(p.value)}
          />
        ))}
      </fieldset>
      <SubmitButton size="sm" pendingLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}
