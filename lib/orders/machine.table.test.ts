import { describe, expect, it } from "vitest";
import { orderStatus } from "@/db/schema/enums";
import { actors, orderIn } from "@/test/fixtures/machine";
import { type OrderAction, type OrderActionName, orderActionNames } from "./actions";
import { transition } from "./machine";
import type { OrderStatus } from "./types";

/**
 * Every status × action × role, written out by hand from DESIGN.md §4 and the role
 * rules: status, action, then one cell per actor named in the header. A cell is the next
 * status when the action succeeds, F for forbidden, - for not_allowed_from_status
 * (I, invalid, never applies to these snapshots).
 * The order is not started, the publisher lets advertisers pause, no credit has been
 * refunded, and an archived order was canceled before; machine.test.ts varies those.
 */
const expected = `
status          action         owner           admin           sales_manager   viewer          advertiser      otherAdvertiser api             system
draft           submit         F               F               F               F               pending_review  F               F               F
draft           request_quote  F               F               F               F               quote_requested F               F               F
draft           discard        F               F               F               F               canceled        F               F               F
draft           send_quote     -               -               -               F               F               F               F               F
draft           decline        -               -               -               F               F               F               F               F
draft           cancel         -               -               -               F               -               F               -               F
draft           accept_quote   F               F               F               F               -               F               F               F
draft           decline_quote  F               F               F               F               -               F               F               F
draft           expire         F               F               F               F               F               F               F               -
draft           approve        -               -               -               F               F               F               F               F
draft           reject         -               -               -               F               F               F               F               F
draft           start          -               -               -               F               F               F               -               -
draft           pause          -               -               -               F               -               F               -               F
draft           resume         -               -               -               F               -               F               -               F
draft           complete       -               -               -               F               F               F               F               -
draft           refund         -               -               F               F               F               F               -               F
draft           archive        -               -               -               F               F               F               -               F
draft           unarchive      -               -               -               F               F               F               F               F

quote_requested submit         F               F               F               F               -               F               F               F
quote_requested request_quote  F               F               F               F               -               F               F               F
quote_requested discard        F               F               F               F               -               F               F               F
quote_requested send_quote     quoted          quoted          quoted          F               F               F               F               F
quote_requested decline        rejected        rejected        rejected        F               F               F               F               F
quote_requested cancel         canceled        canceled        canceled        F               canceled        F               canceled        F
quote_requested accept_quote   F               F               F               F               -               F               F               F
quote_requested decline_quote  F               F               F               F               -               F               F               F
quote_requested expire         F               F               F               F               F               F               F               -
quote_requested approve        -               -               -               F               F               F               F               F
quote_requested reject         -               -               -               F               F               F               F               F
quote_requested start          -               -               -               F               F               F               -               -
quote_requested pause          -               -               -               F               -               F               -               F
quote_requested resume         -               -               -               F               -               F               -               F
quote_requested complete       -               -               -               F               F               F               F               -
quote_requested refund         -               -               F               F               F               F               -               F
quote_requested archive        -               -               -               F               F               F               -               F
quote_requested unarchive      -               -               -               F               F               F               F               F

quoted          submit         F               F               F               F               -               F               F               F
quoted          request_quote  F               F               F               F               -               F               F               F
quoted          discard        F               F               F               F               -               F               F               F
quoted          send_quote     -               -               -               F               F               F               F               F
quoted          decline        -               -               -               F               F               F               F               F
quoted          cancel         -               -               -               F               -               F               -               F
quoted          accept_quote   F               F               F               F               approved        F               F               F
quoted          decline_quote  F               F               F               F               canceled        F               F               F
quoted          expire         F               F               F               F               F               F               F               canceled
quoted          approve        -               -               -               F               F               F               F               F
quoted          reject         -               -               -               F               F               F               F               F
quoted          start          -               -               -               F               F               F               -               -
quoted          pause          -               -               -               F               -               F               -               F
quoted          resume         -               -               -               F               -               F               -               F
quoted          complete       -               -               -               F               F               F               F               -
quoted          refund         -               -               F               F               F               F               -               F
quoted          archive        -               -               -               F               F               F               -               F
quoted          unarchive      -               -               -               F               F               F               F               F

pending_review  submit         F               F               F               F               -               F               F               F
pending_review  request_quote  F               F               F               F               -               F               F               F
pending_review  discard        F               F               F               F               -               F               F               F
pending_review  send_quote     -               -               -               F               F               F               F               F
pending_review  decline        -               -               -               F               F               F               F               F
pending_review  cancel         canceled        canceled        canceled        F               canceled        F               canceled        F
pending_review  accept_quote   F               F               F               F               -               F               F               F
pending_review  decline_quote  F               F               F               F               -               F               F               F
pending_review  expire         F               F               F               F               F               F               F               -
pending_review  approve        approved        approved        approved        F               F               F               F               F
pending_review  reject         rejected        rejected        rejected        F               F               F               F               F
pending_review  start          -               -               -               F               F               F               -               -
pending_review  pause          -               -               -               F               -               F               -               F
pending_review  resume         -               -               -               F               -               F               -               F
pending_review  complete       -               -               -               F               F               F               F               -
pending_review  refund         -               -               F               F               F               F               -               F
pending_review  archive        -               -               -               F               F               F               -               F
pending_review  unarchive      -               -               -               F               F               F               F               F

approved        submit         F               F               F               F               -               F               F               F
approved        request_quote  F               F               F               F               -               F               F               F
approved        discard        F               F               F               F               -               F               F               F
approved        send_quote     -               -               -               F               F               F               F               F
approved        decline        -               -               -               F               F               F               F               F
approved        cancel         canceled        canceled        canceled        F               canceled        F               canceled        F
approved        accept_quote   F               F               F               F               -               F               F               F
approved        decline_quote  F               F               F               F               -               F               F               F
approved        expire         F               F               F               F               F               F               F               -
approved        approve        -               -               -               F               F               F               F               F
approved        reject         -               -               -               F               F               F               F               F
approved        start          live            live            live            F               F               F               live            live
approved        pause          paused          paused          paused          F               paused          F               paused          F
approved        resume         -               -               -               F               -               F               -               F
approved        complete       -               -               -               F               F               F               F               -
approved        refund         -               -               F               F               F               F               -               F
approved        archive        -               -               -               F               F               F               -               F
approved        unarchive      -               -               -               F               F               F               F               F

live            submit         F               F               F               F               -               F               F               F
live            request_quote  F               F               F               F               -               F               F               F
live            discard        F               F               F               F               -               F               F               F
live            send_quote     -               -               -               F               F               F               F               F
live            decline        -               -               -               F               F               F               F               F
live            cancel         canceled        canceled        canceled        F               F               F               canceled        F
live            accept_quote   F               F               F               F               -               F               F               F
live            decline_quote  F               F               F               F               -               F               F               F
live            expire         F               F               F               F               F               F               F               -
live            approve        -               -               -               F               F               F               F               F
live            reject         -               -               -               F               F               F               F               F
live            start          -               -               -               F               F               F               -               -
live            pause          paused          paused          paused          F               paused          F               paused          F
live            resume         -               -               -               F               -               F               -               F
live            complete       completed       completed       completed       F               F               F               F               completed
live            refund         -               -               F               F               F               F               -               F
live            archive        -               -               -               F               F               F               -               F
live            unarchive      -               -               -               F               F               F               F               F

paused          submit         F               F               F               F               -               F               F               F
paused          request_quote  F               F               F               F               -               F               F               F
paused          discard        F               F               F               F               -               F               F               F
paused          send_quote     -               -               -               F               F               F               F               F
paused          decline        -               -               -               F               F               F               F               F
paused          cancel         canceled        canceled        canceled        F               F               F               canceled        F
paused          accept_quote   F               F               F               F               -               F               F               F
paused          decline_quote  F               F               F               F               -               F               F               F
paused          expire         F               F               F               F               F               F               F               -
paused          approve        -               -               -               F               F               F               F               F
paused          reject         -               -               -               F               F               F               F               F
paused          start          -               -               -               F               F               F               -               -
paused          pause          -               -               -               F               -               F               -               F
paused          resume         approved        approved        approved        F               approved        F               approved        F
paused          complete       -               -               -               F               F               F               F               -
paused          refund         -               -               F               F               F               F               -               F
paused          archive        -               -               -               F               F               F               -               F
paused          unarchive      -               -               -               F               F               F               F               F

completed       submit         F               F               F               F               -               F               F               F
completed       request_quote  F               F               F               F               -               F               F               F
completed       discard        F               F               F               F               -               F               F               F
completed       send_quote     -               -               -               F               F               F               F               F
completed       decline        -               -               -               F               F               F               F               F
completed       cancel         -               -               -               F               -               F               -               F
completed       accept_quote   F               F               F               F               -               F               F               F
completed       decline_quote  F               F               F               F               -               F               F               F
completed       expire         F               F               F               F               F               F               F               -
completed       approve        -               -               -               F               F               F               F               F
completed       reject         -               -               -               F               F               F               F               F
completed       start          -               -               -               F               F               F               -               -
completed       pause          -               -               -               F               -               F               -               F
completed       resume         -               -               -               F               -               F               -               F
completed       complete       -               -               -               F               F               F               F               -
completed       refund         -               -               F               F               F               F               -               F
completed       archive        archived        archived        archived        F               F               F               archived        F
completed       unarchive      -               -               -               F               F               F               F               F

canceled        submit         F               F               F               F               -               F               F               F
canceled        request_quote  F               F               F               F               -               F               F               F
canceled        discard        F               F               F               F               -               F               F               F
canceled        send_quote     -               -               -               F               F               F               F               F
canceled        decline        -               -               -               F               F               F               F               F
canceled        cancel         -               -               -               F               -               F               -               F
canceled        accept_quote   F               F               F               F               -               F               F               F
canceled        decline_quote  F               F               F               F               -               F               F               F
canceled        expire         F               F               F               F               F               F               F               -
canceled        approve        -               -               -               F               F               F               F               F
canceled        reject         -               -               -               F               F               F               F               F
canceled        start          -               -               -               F               F               F               -               -
canceled        pause          -               -               -               F               -               F               -               F
canceled        resume         -               -               -               F               -               F               -               F
canceled        complete       -               -               -               F               F               F               F               -
canceled        refund         canceled        canceled        F               F               F               F               canceled        F
canceled        archive        archived        archived        archived        F               F               F               archived        F
canceled        unarchive      -               -               -               F               F               F               F               F

rejected        submit         F               F               F               F               -               F               F               F
rejected        request_quote  F               F               F               F               -               F               F               F
rejected        discard        F               F               F               F               -               F               F               F
rejected        send_quote     -               -               -               F               F               F               F               F
rejected        decline        -               -               -               F               F               F               F               F
rejected        cancel         -               -               -               F               -               F               -               F
rejected        accept_quote   F               F               F               F               -               F               F               F
rejected        decline_quote  F               F               F               F               -               F               F               F
rejected        expire         F               F               F               F               F               F               F               -
rejected        approve        -               -               -               F               F               F               F               F
rejected        reject         -               -               -               F               F               F               F               F
rejected        start          -               -               -               F               F               F               -               -
rejected        pause          -               -               -               F               -               F               -               F
rejected        resume         -               -               -               F               -               F               -               F
rejected        complete       -               -               -               F               F               F               F               -
rejected        refund         -               -               F               F               F               F               -               F
rejected        archive        archived        archived        archived        F               F               F               archived        F
rejected        unarchive      -               -               -               F               F               F               F               F

archived        submit         F               F               F               F               -               F               F               F
archived        request_quote  F               F               F               F               -               F               F               F
archived        discard        F               F               F               F               -               F               F               F
archived        send_quote     -               -               -               F               F               F               F               F
archived        decline        -               -               -               F               F               F               F               F
archived        cancel         -               -               -               F               -               F               -               F
archived        accept_quote   F               F               F               F               -               F               F               F
archived        decline_quote  F               F               F               F               -               F               F               F
archived        expire         F               F               F               F               F               F               F               -
archived        approve        -               -               -               F               F               F               F               F
archived        reject         -               -               -               F               F               F               F               F
archived        start          -               -               -               F               F               F               -               -
archived        pause          -               -               -               F               -               F               -               F
archived        resume         -               -               -               F               -               F               -               F
archived        complete       -               -               -               F               F               F               F               -
archived        refund         -               -               F               F               F               F               -               F
archived        archive        -               -               -               F               F               F               -               F
archived        unarchive      canceled        canceled        canceled        F               F               F               F               F
`;

const [header, ...lines] = expected.trim().split(/\n+/);
const columns = header.split(/\s+/).slice(2) as (keyof typeof actors)[];
const rows = lines.map((line) => {
  const [status, action, ...cells] = line.trim().split(/\s+/);
  return { status: status as OrderStatus, action: action as OrderActionName, cells };
});

function actionNamed(name: OrderActionName): OrderAction {
  if (name === "reject") return { type: "reject", reason: "The creative breaks our ad policy." };
  // These orders have not started: a person starts one only by choosing to start early.
  if (name === "start") return { type: "start", early: true };
  return { type: name } as OrderAction;
}

describe("order machine: every status × action × role", () => {
  it("covers the full cross product exactly once", () => {
    expect(columns).toEqual(Object.keys(actors));
    const keys = rows.map((r) => `${r.status} ${r.action}`);
    const all = orderStatus.enumValues.flatMap((s) => orderActionNames.map((a) => `${s} ${a}`));
    expect(keys).toEqual(all);
    for (const row of rows) expect(row.cells).toHaveLength(columns.length);
  });

  it.each(rows)("$status $action", ({ status, action, cells }) => {
    const outcomes = columns.map((column) => {
      const result = transition(orderIn(status), actionNamed(action), actors[column]);
      if (result.ok) return result.next;
      return { forbidden: "F", not_allowed_from_status: "-", invalid: "I" }[result.code];
    });
    expect(Object.fromEntries(columns.map((c, i) => [c, outcomes[i]]))).toEqual(
      Object.fromEntries(columns.map((c, i) => [c, cells[i]])),
    );
  });
});
