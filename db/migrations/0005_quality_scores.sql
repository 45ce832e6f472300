CREATE TABLE "quality_scores" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quality_scores_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"model_id" text NOT NULL,
	"source" text NOT NULL,
	"benchmark" text NOT NULL,
	"split" text NOT NULL,
	"model_tested" text NOT NULL,
	"setting" text,
	"value" numeric(12, 4) NOT NULL,
	"unit" text NOT NULL,
	"ci_low" numeric(12, 4),
	"ci_high" numeric(12, 4),
	"sample_size" integer,
	"details" jsonb,
	"source_date" text NOT NULL,
	"url" text,
	"observed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fingerprint" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quality_scores" ADD CONSTRAINT "quality_scores_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quality_scores_model_idx" ON "quality_scores" USING btree ("model_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_scores_fingerprint_idx" ON "quality_scores" USING btree ("model_id","fingerprint");