DROP INDEX `reports_key_idx`;--> statement-breakpoint
ALTER TABLE `reports` ADD `round` text DEFAULT 'official' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `reports_key_idx` ON `reports` (`template_id`,`period_id`,`unit_id`,`round`);