export { type ListParams, parseListParams, type SortDir, type SortState } from "@/lib/core/list-params";
export { columnHelper, type DataTableColumn, type DataTableColumnMeta, dataTableFeatures } from "./columns";
export { CompactTable } from "./compact-table";
export { CsvExportLink, csvExportHref } from "./csv-export-link";
export { DataTable, type DataTableProps } from "./data-table";
export { FilterBar, type FilterBarProps, type FilterDef } from "./filter-bar";
export { Pagination } from "./pagination";
export {
  BulkActionForm,
  RowCheckbox,
  SelectAllCheckbox,
  SelectionProvider,
  useSelectedIds,
} from "./selection";
