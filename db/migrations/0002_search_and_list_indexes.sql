DROP INDEX "orders_pub_created";--> statement-breakpoint
DROP INDEX "orders_pub_activity";--> statement-breakpoint
DROP INDEX "orders_pub_start";--> statement-breakpoint
DROP INDEX "orders_pub_total";--> statement-breakpoint
DROP INDEX "orders_pub_status_created";--> statement-breakpoint
DROP INDEX "orders_pub_property";--> statement-breakpoint
DROP INDEX "orders_pub_sales_manager";--> statement-breakpoint
CREATE INDEX "advertisers_company_trgm" ON "advertisers" USING gin ("company" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_name_trgm" ON "orders" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_pub_created" ON "orders" USING btree ("publisher_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"status","source","advertiser_id","property_id","sales_manager_id");--> statement-breakpoint
CREATE INDEX "orders_pub_activity" ON "orders" USING btree ("publisher_id","last_activity_at" DESC NULLS LAST,"id" DESC NULLS LAST,"status","source","advertiser_id","property_id","sales_manager_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_pub_start" ON "orders" USING btree ("publisher_id","start_date","id","status","source","advertiser_id","property_id","sales_manager_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_pub_total" ON "orders" USING btree ("publisher_id","total","id","status","source","advertiser_id","property_id","sales_manager_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_pub_status_created" ON "orders" USING btree ("publisher_id","status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"source");--> statement-breakpoint
CREATE INDEX "orders_pub_property" ON "orders" USING btree ("publisher_id","property_id","sales_manager_id","status","source","advertiser_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_pub_sales_manager" ON "orders" USING btree ("publisher_id","sales_manager_id","property_id","status","source","advertiser_id","created_at");