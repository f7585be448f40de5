-- csv-records.sql
-- Every record of a CSV file as text, strictly: a line DuckDB cannot read is left out here and stored, with its line
-- number and reason, in the temporary table csv_reject_errors (csv-rejects.sql reads it), so none is dropped silently.
-- Parameters: $path (the file), $columns (a struct of column name -> 'VARCHAR', one per field of the header).
-- Comma-separated, "-quoted ("" for a quote), no comment lines, LF, CRLF or CR line ends, an optional UTF-8 BOM;
-- blank lines are skipped. Records come back in file order, each as one text: its fields joined by the unit separator
-- chr(31) (handing text to JavaScript costs per value, so one value a record, not one a field). An empty field reads
-- as '' (nullstr is chr(1), which no text file holds: concat_ws would leave out a NULL).

DROP TABLE IF EXISTS csv_reject_errors;
DROP TABLE IF EXISTS csv_reject_scans;

SELECT concat_ws(chr(31), *COLUMNS(*)) AS record
FROM read_csv($path,
    auto_detect = false, header = false, columns = $columns,
    delim = ',', quote = '"', escape = '"', comment = '',
    strict_mode = true, null_padding = false, nullstr = chr(1),
    store_rejects = true, rejects_table = 'csv_reject_errors', rejects_scan = 'csv_reject_scans');
