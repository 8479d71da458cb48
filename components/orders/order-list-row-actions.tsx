"use client";

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button-classes";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextareaField } from "@/components/ui/field";
import { approveOrderAction, orderAction, rejectOrderAction } from "@/lib/actions/orders";
import { type OrderActionName, orderActions } from "@/lib/orders/actions";
import { orderActionConsequences, type SimpleOrderAction } from "./order-action-consequences";

const isSimple = (action: OrderActionName): action is SimpleOrderAction =>
  Object.hasOwn(orderActionConsequences, action);

/**
 * A row's menu: only the actions the order machine allows this person from the row's
 * status. Each asks first; anything that needs more than a confirmation (a quote)
 * links to the order page.
 */
export function OrderListRowActions({
  orderId,
  name,
  version,
  actions,
}: {
  orderId: number;
  name: string;
  version: number;
  actions: OrderActionName[];
}) {
  if (actions.length === 0) return null;
  const fields = { orderId, version };
  const subject = `order #${orderId} (${name})`;
  return (
    <details className="group inline-block text-left">
      <summary
        className={buttonClasses(
          "ghost",
          "sm",
          "cursor-pointer list-none [&::-webkit-details-marker]:hidden",
        )}
      >
        Actions<span className="sr-only"> for order #{orderId}</span>
        <span aria-hidden="true" className="text-xs group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="mt-1 flex flex-col items-end gap-1">
        {actions.map((action) => {
          const { label } = orderActions[action];
          if (action === "approve") {
            return (
              <ConfirmDialog
                key={action}
                triggerLabel={label}
                triggerSize="sm"
                title={`Approve ${subject}?`}
                action={approveOrderAction}
                fields={fields}
              >
                <p>
                  Inventory is reserved for every line item. If any day or country falls short, nothing is
                  reserved. To cancel some line items first, approve from the order page.
                </p>
              </ConfirmDialog>
            );
          }
          if (action === "reject") {
            return (
              <ConfirmDialog
                key={action}
                triggerLabel={label}
                triggerSize="sm"
                title={`Reject ${subject}?`}
                action={rejectOrderAction}
                fields={fields}
                tone="danger"
              >
                <p>The advertiser is emailed your reason.</p>
                <TextareaField label="Reason" name="reason" required rows={3} />
              </ConfirmDialog>
            );
          }
          if (isSimple(action)) {
            const { body, irreversible } = orderActionConsequences[action];
            return (
              <ConfirmDialog
                key={action}
                triggerLabel={label}
                triggerSize="sm"
                triggerVariant={irreversible ? "danger" : "secondary"}
                title={`${label} ${subject}?`}
                action={orderAction}
                fields={{ ...fields, action }}
                irreversible={irreversible}
              >
                <p>{body}</p>
              </ConfirmDialog>
            );
          }
          return (
            <Link
              key={action}
              href={`/publisher/orders/${orderId}`}
              className={buttonClasses("secondary", "sm")}
            >
              {label}…
            </Link>
          );
        })}
      </div>
    </details>
  );
}
