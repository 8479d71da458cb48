ALTER TABLE "line_items" ADD COLUMN "paused_by" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "paused_by" text;