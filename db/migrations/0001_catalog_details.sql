ALTER TABLE "price_observations" ALTER COLUMN "effective_from" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "offerings" ADD COLUMN "attachment" boolean;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "pricing_url" text;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "docs_url" text;