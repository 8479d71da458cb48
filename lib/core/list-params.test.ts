import { describe, expect, it } from "vitest";
import { parseListParams } from "@/lib/core/list-params";

const options = {
  sortable: ["name", "createdAt", "total"] as const,
  defaultSort: { id: "createdAt", dir: "desc" } as const,
};

describe("parseListParams", () => {
  it.each([
    [{}, { page: 1, pageSize: 25, offset: 0, sort: { id: "createdAt", dir: "desc" }, q: undefined }],
    [
      { page: "3", sort: "name", dir: "asc", q: "  acme " },
      { page: 3, pageSize: 25, offset: 50, sort: { id: "name", dir: "asc" }, q: "acme" },
    ],
    [{ sort: "total" }, { sort: { id: "total", dir: "desc" } }],
    [{ sort: "password", dir: "asc" }, { sort: { id: "createdAt", dir: "desc" } }],
    [{ sort: "name", dir: "sideways" }, { sort: { id: "name", dir: "desc" } }],
    [{ page: "0" }, { page: 1 }],
    [{ page: "-2" }, { page: 1 }],
    [{ page: "2.5" }, { page: 1 }],
    [{ page: "1e9" }, { page: 1 }],
    [{ page: "99999999999" }, { page: 1 }],
    [{ page: ["2", "5"] }, { page: 2 }],
    [
      { pageSize: "10", page: "2" },
      { pageSize: 10, offset: 10 },
    ],
    [{ pageSize: "5000" }, { pageSize: 100 }],
    [{ pageSize: "0" }, { pageSize: 25 }],
    [{ q: "   " }, { q: undefined }],
  ])("%j reads as %j", (params, expected) => {
    expect(parseListParams(params, options)).toMatchObject(expected);
  });
});
