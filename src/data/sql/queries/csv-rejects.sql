-- csv-rejects.sql
-- The lines the last csv-records.sql scan refused, one row per line and kind of error, in file order.
-- No parameters. `line` is DuckDB's line number (it counts blank lines but not line breaks inside quoted fields);
-- `fields` is how many fields the line has, for a line with too few or too many (DuckDB stores one error per missing
-- or extra column, so the fewest found, or the most, is the line's count); `text` is the line as it stands in the file.

SELECT
    line,
    error_type,
    CASE error_type WHEN 'MISSING COLUMNS' THEN min(found) WHEN 'TOO MANY COLUMNS' THEN max(found) END AS fields,
    any_value(error_message) AS message,
    any_value(csv_line) AS text
FROM (
    SELECT line, error_type, error_message, csv_line,
           TRY_CAST(regexp_extract(error_message, 'Found: (\d+)', 1) AS INTEGER) AS found
    FROM csv_reject_errors
)
GROUP BY line, error_type
ORDER BY line, error_type;
