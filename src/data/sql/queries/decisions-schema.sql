-- decisions-schema.sql
-- Creates, if absent, the `decisions` table: every analyst decision applied from a review
-- workbook, kept across rebuilds of the canonical tables (schema.sql does not touch it) so a
-- later run can show what was overridden, by whom, when and why. One row per decided finding
-- per application; the latest row of a finding (highest decision_id) is the one in force.

CREATE SEQUENCE IF NOT EXISTS decision_id_seq START 1;

CREATE TABLE IF NOT EXISTS decisions (
  decision_id  INTEGER NOT NULL DEFAULT nextval('decision_id_seq') PRIMARY KEY,
  batch_id     VARCHAR NOT NULL,  -- one application of one workbook
  finding_id   VARCHAR NOT NULL,  -- the stable id of the finding decided
  check_name   VARCHAR NOT NULL,  -- 'earnings' or 'prices'
  rule         VARCHAR NOT NULL,
  ticker       VARCHAR NOT NULL,
  target       VARCHAR NOT NULL,  -- 'company-year', 'price-days' or 'none'
  fiscal_year  INTEGER,           -- company-year targets
  field        VARCHAR,           -- company-year targets: the figure an adjustment replaces
  date_from    DATE,              -- price-days targets, inclusive
  date_to      DATE,
  decision     VARCHAR NOT NULL,
  old_value    DOUBLE,            -- the canonical value overridden (NULL for a range or a gap)
  new_value    DOUBLE,            -- adjust only
  comment      VARCHAR,
  reviewer     VARCHAR,
  reviewed_on  DATE,
  applied_at   VARCHAR NOT NULL,  -- ISO timestamp of the application
  workbook     VARCHAR,           -- the workbook the decision came from
  CHECK (decision IN ('accept', 'exclude', 'adjust')),
  CHECK (target IN ('company-year', 'price-days', 'none')),
  CHECK (decision <> 'adjust' OR (new_value IS NOT NULL AND isfinite(new_value))),
  CHECK (decision = 'adjust' OR new_value IS NULL),
  CHECK (target <> 'company-year' OR (fiscal_year IS NOT NULL AND field IS NOT NULL)),
  CHECK (target <> 'price-days' OR (date_from IS NOT NULL AND date_to IS NOT NULL AND date_from <= date_to))
);
