DROP INDEX "orders_pub_total";--> statement-breakpoint
ALTER TABLE "line_items" ADD COLUMN "paused_by" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "paused_by" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "net" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Backfill: booked (charged once approved, else the open line items) plus adjustments, less discounts and credit notes.
UPDATE "orders" SET "net" = GREATEST(0,
  (SELECT CASE WHEN COALESCE(SUM(e."amount") FILTER (WHERE e."kind" = 'charge'), 0) > 0
      THEN SUM(e."amount") FILTER (WHERE e."kind" = 'charge')
      ELSE (SELECT COALESCE(SUM(li."amount"), 0) FROM "line_items" li WHERE li."order_id" = "orders"."id" AND li."status" <> 'canceled')
    END
    + COALESCE(SUM(e."amount") FILTER (WHERE e."kind" = 'adjustment'), 0)
    - COALESCE(SUM(e."amount") FILTER (WHERE e."kind" IN ('discount', 'credit_note')), 0)
  FROM "ledger_entries" e WHERE e."order_id" = "orders"."id"));--> statement-breakpoint
CREATE INDEX "orders_pub_net" ON "orders" USING btree ("publisher_id","net","id","status","source","advertiser_id","property_id","sales_manager_id","created_at");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_net_non_negative" CHECK ("orders"."net" >= 0);