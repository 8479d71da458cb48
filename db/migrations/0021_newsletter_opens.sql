CREATE TABLE "newsletter_opens" (
	"zone_id" integer NOT NULL,
	"open_id" varchar(128) NOT NULL,
	"line_item_id" integer NOT NULL,
	"creative_id" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	CONSTRAINT "newsletter_opens_zone_id_open_id_pk" PRIMARY KEY("zone_id","open_id")
);
--> statement-breakpoint
ALTER TABLE "newsletter_opens" ADD CONSTRAINT "newsletter_opens_zone_id_ad_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."ad_zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_opens" ADD CONSTRAINT "newsletter_opens_line_item_id_line_items_id_fk" FOREIGN KEY ("line_item_id") REFERENCES "public"."line_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_opens" ADD CONSTRAINT "newsletter_opens_creative_id_creatives_id_fk" FOREIGN KEY ("creative_id") REFERENCES "public"."creatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "newsletter_opens_opened_at_index" ON "newsletter_opens" USING btree ("opened_at");