CREATE TABLE `rollup_cells` (
	`template_id` text NOT NULL,
	`period_id` text NOT NULL,
	`unit_id` integer NOT NULL,
	`bucket` text NOT NULL,
	`row_code` text NOT NULL,
	`col_key` text NOT NULL,
	`sum` integer NOT NULL,
	`count` integer NOT NULL,
	`min` real,
	`max` real,
	PRIMARY KEY(`template_id`, `period_id`, `unit_id`, `bucket`, `row_code`, `col_key`)
);
--> statement-breakpoint
CREATE TABLE `rollup_periods` (
	`template_id` text NOT NULL,
	`period_id` text NOT NULL,
	`version` integer NOT NULL,
	`built_at` text NOT NULL,
	PRIMARY KEY(`template_id`, `period_id`)
);
--> statement-breakpoint
CREATE TABLE `unit_closure` (
	`ancestor_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`depth` integer NOT NULL,
	PRIMARY KEY(`ancestor_id`, `unit_id`)
);
--> statement-breakpoint
CREATE INDEX `unit_closure_unit_idx` ON `unit_closure` (`unit_id`,`depth`);--> statement-breakpoint
CREATE TABLE `unit_successions` (
	`predecessor_id` integer NOT NULL,
	`successor_id` integer NOT NULL,
	`share` text NOT NULL,
	PRIMARY KEY(`predecessor_id`, `successor_id`),
	FOREIGN KEY (`predecessor_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`successor_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_successions_successor_idx` ON `unit_successions` (`successor_id`);--> statement-breakpoint
-- Hand-written: the closure follows every insert into units and every change of a parent, whoever
-- writes them (the unit list import, the seed, admin screens), so subtree joins are never stale.
INSERT INTO `unit_closure` (`ancestor_id`, `unit_id`, `depth`)
WITH RECURSIVE up(`ancestor_id`, `unit_id`, `depth`) AS (
  SELECT `id`, `id`, 0 FROM `units`
  UNION ALL
  SELECT u.`parent_id`, up.`unit_id`, up.`depth` + 1 FROM up JOIN `units` u ON u.`id` = up.`ancestor_id` WHERE u.`parent_id` IS NOT NULL
)
SELECT `ancestor_id`, `unit_id`, `depth` FROM up;
--> statement-breakpoint
CREATE TRIGGER `units_closure_insert` AFTER INSERT ON `units` BEGIN
  INSERT INTO `unit_closure` (`ancestor_id`, `unit_id`, `depth`) VALUES (NEW.`id`, NEW.`id`, 0);
  INSERT INTO `unit_closure` (`ancestor_id`, `unit_id`, `depth`)
    SELECT `ancestor_id`, NEW.`id`, `depth` + 1 FROM `unit_closure` WHERE `unit_id` = NEW.`parent_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `units_closure_move` AFTER UPDATE OF `parent_id` ON `units` WHEN OLD.`parent_id` IS NOT NEW.`parent_id` BEGIN
  DELETE FROM `unit_closure`
    WHERE `unit_id` IN (SELECT `unit_id` FROM `unit_closure` WHERE `ancestor_id` = NEW.`id`)
      AND `ancestor_id` IN (SELECT `ancestor_id` FROM `unit_closure` WHERE `unit_id` = NEW.`id` AND `ancestor_id` <> NEW.`id`);
  INSERT INTO `unit_closure` (`ancestor_id`, `unit_id`, `depth`)
    SELECT up.`ancestor_id`, down.`unit_id`, up.`depth` + down.`depth` + 1
    FROM `unit_closure` up, `unit_closure` down
    WHERE up.`unit_id` = NEW.`parent_id` AND down.`ancestor_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `units_closure_delete` AFTER DELETE ON `units` BEGIN
  DELETE FROM `unit_closure` WHERE `unit_id` = OLD.`id` OR `ancestor_id` = OLD.`id`;
END;
