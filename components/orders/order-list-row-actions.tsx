"use client";

import { ActionMenu, type ActionMenuItem } from "@/components/ui/action-menu";
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
  const fields = { orderId, version };
  const subject = `order #${orderId} (${name})`;
  const items = actions.map((action): ActionMenuItem => {
    const { label } = orderActions[action];
    if (action === "approve") {
      return {
        key: action,
        label,
        confirm: {
          title: `Approve ${subject}?`,
          action: approveOrderAction,
          fields,
          children: (
            <p>
              Inventory is reserved for every line item. If any day or country falls short, nothing is
              reserved. To cancel some line items first, approve from the order page.
            </p>
          ),
        },
      };
    }
    if (action === "reject") {
      return {
        key: action,
        label,
        danger: true,
        confirm: {
          title: `Reject ${subject}?`,
          action: rejectOrderAction,
          fields,
          tone: "danger",
          children: (
            <>
              <p>The advertiser is emailed your reason.</p>
              <TextareaField label="Reason" name="reason" required rows={3} />
            </>
          ),
        },
      };
    }
    if (isSimple(action)) {
      const { body, irreversible } = orderActionConsequences[action];
      return {
        key: action,
        label,
        danger: irreversible,
        confirm: {
          title: `${label} ${subject}?`,
          action: orderAction,
          fields: { ...fields, action },
          irreversible,
          children: <p>{body}</p>,
        },
      };
    }
    return { key: action, label: `${label}…`, href: `/publisher/orders/${orderId}` };
  });
  return <ActionMenu items={items} subject={`order #${orderId}`} />;
}
