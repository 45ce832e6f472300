CREATE TABLE "run_slots" (
	"client_id" text NOT NULL,
	"slot" integer NOT NULL,
	"run_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "run_slots_client_id_slot_pk" PRIMARY KEY("client_id","slot")
);
--> statement-breakpoint
ALTER TABLE "usage_events" DROP CONSTRAINT "usage_events_run_result_id_run_results_id_fk";
--> statement-breakpoint
DROP INDEX "run_results_run_idx";--> statement-breakpoint
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_run_result_id_run_results_id_fk" FOREIGN KEY ("run_result_id") REFERENCES "public"."run_results"("id") ON DELETE set null ON UPDATE set null;--> statement-breakpoint
-- Earlier versions could store more than one answer per model in a run (a pane retried, or requests
-- racing); keep the newest of each before the unique index makes that impossible. Usage events of the
-- removed answers stay, their run_result_id set to null by the foreign key.
DELETE FROM "run_results" AS "older" USING "run_results" AS "newer" WHERE "older"."run_id" = "newer"."run_id" AND "older"."model_id" = "newer"."model_id" AND ("older"."created_at", "older"."id") < ("newer"."created_at", "newer"."id");--> statement-breakpoint
CREATE UNIQUE INDEX "run_results_run_model_idx" ON "run_results" USING btree ("run_id","model_id");