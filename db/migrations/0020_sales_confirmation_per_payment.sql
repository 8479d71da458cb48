ALTER TABLE "sales_confirmations" DROP CONSTRAINT "sales_confirmations_orderId_unique";--> statement-breakpoint
ALTER TABLE "sales_confirmations" ADD COLUMN "payment_id" integer;--> statement-breakpoint
ALTER TABLE "sales_confirmations" ADD CONSTRAINT "sales_confirmations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sales_confirmations_order_id_index" ON "sales_confirmations" USING btree ("order_id");--> statement-breakpoint
ALTER TABLE "sales_confirmations" ADD CONSTRAINT "sales_confirmations_paymentId_unique" UNIQUE("payment_id");