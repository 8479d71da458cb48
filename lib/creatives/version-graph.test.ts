import { describe, expect, it } from "vitest";
import { VersionGraph, type VersionNode } from "./version-graph";

const node = (
  id: number,
  replacesId: number | null,
  version: number,
  reviewStatus: VersionNode["reviewStatus"],
) => ({
  id,
  replacesId,
  version,
  reviewStatus,
});

describe("VersionGraph", () => {
  // v1 approved ← v2 rejected ← v3 approved ← v4 pending; 9 is another creative.
  const graph = new VersionGraph([
    node(1, null, 1, "approved"),
    node(2, 1, 2, "rejected"),
    node(3, 2, 3, "approved"),
    node(4, 3, 4, "pending"),
    node(9, null, 1, "approved"),
  ]);

  it("walks to older versions, newest first", () => {
    expect(graph.ancestors(4).map((n) => n.id)).toEqual([3, 2, 1]);
    expect(graph.ancestors(1)).toEqual([]);
  });

  it("finds the newest version and the newest approved one", () => {
    expect(graph.newerVersion(1)?.id).toBe(4);
    expect(graph.supersededBy(1)?.id).toBe(3);
    expect(graph.supersededBy(3)).toBeNull();
    expect(graph.newerVersion(4)).toBeNull();
    expect(graph.newerVersion(9)).toBeNull();
  });

  it("ignores a version whose older version is not loaded", () => {
    expect(new VersionGraph([node(5, 99, 2, "pending")]).ancestors(5)).toEqual([]);
  });
});
