CREATE TABLE "ad_server_connections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ad_server_connections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"publisher_id" integer NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ad_server_connections_publisherId_unique" UNIQUE("publisher_id")
);
--> statement-breakpoint
CREATE TABLE "line_item_syncs" (
	"line_item_id" integer PRIMARY KEY NOT NULL,
	"publisher_id" integer NOT NULL,
	"order_id" integer NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"sequence" integer DEFAULT 1 NOT NULL,
	"ticket" integer DEFAULT 1 NOT NULL,
	"change" varchar(32) NOT NULL,
	"state" text NOT NULL,
	"remote_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"synced_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ad_server_connections" ADD CONSTRAINT "ad_server_connections_publisher_id_publishers_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."publishers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ad_server_connections" ADD CONSTRAINT "ad_server_connections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_item_syncs" ADD CONSTRAINT "line_item_syncs_line_item_id_line_items_id_fk" FOREIGN KEY ("line_item_id") REFERENCES "public"."line_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_item_syncs" ADD CONSTRAINT "line_item_syncs_publisher_id_publishers_id_fk" FOREIGN KEY ("publisher_id") REFERENCES "public"."publishers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_item_syncs" ADD CONSTRAINT "line_item_syncs_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "line_item_syncs_publisher_id_status_index" ON "line_item_syncs" USING btree ("publisher_id","status");--> statement-breakpoint
CREATE INDEX "line_item_syncs_order_id_index" ON "line_item_syncs" USING btree ("order_id");