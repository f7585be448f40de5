-- decisions-insert.sql
-- Records a batch of decisions in ONE statement, so that either every row is stored or, if any
-- row breaks a constraint, none is. The rows come bound as one JSON array in $decisions (values
-- are bound, never pasted into SQL), each object with the keys below; $batch_id, $applied_at and
-- $workbook are shared by the batch. Run decisions-schema.sql first.

INSERT INTO decisions (batch_id, finding_id, check_name, rule, ticker, target, fiscal_year, field, date_from, date_to,
                       decision, old_value, new_value, comment, reviewer, reviewed_on, applied_at, workbook)
SELECT $batch_id, d.finding_id, d.check_name, d.rule, d.ticker, d.target, d.fiscal_year, d.field,
       CAST(d.date_from AS DATE), CAST(d.date_to AS DATE),
       d.decision, d.old_value, d.new_value, d.comment, d.reviewer, CAST(d.reviewed_on AS DATE),
       $applied_at, $workbook
FROM (
  SELECT unnest(from_json($decisions, '[{"finding_id": "VARCHAR", "check_name": "VARCHAR", "rule": "VARCHAR",
    "ticker": "VARCHAR", "target": "VARCHAR", "fiscal_year": "INTEGER", "field": "VARCHAR", "date_from": "VARCHAR",
    "date_to": "VARCHAR", "decision": "VARCHAR", "old_value": "DOUBLE", "new_value": "DOUBLE", "comment": "VARCHAR",
    "reviewer": "VARCHAR", "reviewed_on": "VARCHAR"}]')) AS d
);
