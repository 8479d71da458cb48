import type { ReviewStatus } from "./line-item-creative-state";

/** The version facts of one creative: enough to walk its chain of replacements. */
export type VersionNode = {
  id: number;
  replacesId: number | null;
  version: number;
  reviewStatus: ReviewStatus;
};

/**
 * A creative's versions form a chain through `replacesId` (v3 → v2 → v1). A version is
 * superseded when a newer version in its chain was approved: its line items moved to that
 * version, and it stays approved (it did nothing wrong) but serves nowhere.
 */
export class VersionGraph {
  private readonly byId = new Map<number, VersionNode>();
  private readonly children = new Map<number, VersionNode[]>();

  constructor(nodes: Iterable<VersionNode>) {
    for (const node of nodes) {
      this.byId.set(node.id, node);
      if (node.replacesId !== null) {
        const list = this.children.get(node.replacesId) ?? [];
        list.push(node);
        this.children.set(node.replacesId, list);
      }
    }
  }

  /** The versions this one replaces, newest first. */
  ancestors(id: number): VersionNode[] {
    const out: VersionNode[] = [];
    const seen = new Set<number>([id]);
    let next = this.byId.get(id)?.replacesId ?? null;
    while (next !== null && !seen.has(next)) {
      const node = this.byId.get(next);
      if (!node) break;
      out.push(node);
      seen.add(next);
      next = node.replacesId;
    }
    return out;
  }

  /** Every newer version of this one, oldest first. */
  descendants(id: number): VersionNode[] {
    const out: VersionNode[] = [];
    const queue = [...(this.children.get(id) ?? [])];
    const seen = new Set<number>([id]);
    while (queue.length) {
      const node = queue.shift() as VersionNode;
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      out.push(node);
      queue.push(...(this.children.get(node.id) ?? []));
    }
    return out.sort((a, b) => a.version - b.version || a.id - b.id);
  }

  /** The newest version that replaces this one, if any. */
  newerVersion(id: number): VersionNode | null {
    return this.descendants(id).at(-1) ?? null;
  }

  /** The newest approved version that replaces this one: the one now serving in its place. */
  supersededBy(id: number): VersionNode | null {
    return (
      this.descendants(id)
        .filter((node) => node.reviewStatus === "approved")
        .at(-1) ?? null
    );
  }
}
