"use client";

import Link from "next/link";
import { ActionMenu, type ActionMenuItem } from "@/components/ui/action-menu";
import { confirmPartialOrderAction, declinePartialOrderAction } from "@/lib/actions/sales";
import { formatMoney } from "@/lib/format";

/**
 * Seed 003 Confirm and Decline for an order with partial payments, shown when the All
 * orders tab is filtered to Partial and only to staff who write; the verbs check again.
 */
export function PartialOrderActions({
  orderId,
  name,
  version,
  currency,
  received,
  balanceDue,
}: {
  orderId: number;
  name: string;
  version: number;
  currency: string;
  /** Paid less refunded. */
  received: number;
  balanceDue: number;
}) {
  const money = (n: number) => formatMoney(n, currency);
  const fields = { orderId, version };
  const subject = `order #${orderId} (${name})`;
  const items: ActionMenuItem[] = [
    {
      key: "confirm",
      label: "Confirm",
      confirm: {
        title: `Confirm ${subject} as paid?`,
        action: confirmPartialOrderAction,
        fields,
        confirmLabel: "Confirm as paid",
        tone: "primary",
        children: (
          <p>
            {money(received)} was received. The {money(balanceDue)} still due is written off as “Accepted as
            paid in part”, the invoice becomes paid and the order is marked Payment received.
          </p>
        ),
      },
    },
    {
      key: "decline",
      label: "Decline",
      danger: true,
      confirm: {
        title: `Decline ${subject}?`,
        action: declinePartialOrderAction,
        fields,
        confirmLabel: "Decline and cancel",
        tone: "danger",
        irreversible: true,
        children: (
          <>
            <p>Its unpaid invoice is voided and the order is canceled, with credit notes as for Cancel.</p>
            <p>
              The {money(received)} already received is not refunded automatically: refund it from{" "}
              <Link href={`/publisher/orders/${orderId}`} className="text-brand-700 underline">
                the order’s page
              </Link>
              .
            </p>
          </>
        ),
      },
    },
  ];
  return <ActionMenu items={items} subject={subject} />;
}
