-- decisions-select.sql
-- Recorded decisions in the order they were applied. With $current_only, only the one in force
-- for each finding (its latest); with $batch_id (or NULL for all), only one application's rows.
-- Parameters: $current_only (BOOLEAN), $batch_id (VARCHAR or NULL).

SELECT decision_id, batch_id, finding_id, check_name, rule, ticker, target, fiscal_year, field,
       strftime(date_from, '%Y-%m-%d') AS date_from,
       strftime(date_to, '%Y-%m-%d')   AS date_to,
       decision, old_value, new_value, comment, reviewer,
       strftime(reviewed_on, '%Y-%m-%d') AS reviewed_on,
       applied_at, workbook
FROM decisions
WHERE ($batch_id IS NULL OR batch_id = $batch_id)
QUALIFY NOT $current_only OR row_number() OVER (PARTITION BY finding_id ORDER BY decision_id DESC) = 1
ORDER BY decision_id;
