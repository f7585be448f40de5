-- csv-header.sql
-- The first record of a CSV file (blank lines before it skipped), to count its fields: padded with NULL up to $columns.
-- Parameters: $path (the file), $columns (a struct of column name -> 'VARCHAR', as many as the fields to look for).
-- Comma-separated, "-quoted ("" for a quote), no comment lines, LF, CRLF or CR line ends, an optional UTF-8 BOM.
-- Read leniently: a record with more fields than $columns comes back cut to $columns (the caller then asks again with
-- more), and a broken line is skipped (csv-records.sql, read strictly, reports it). An empty field reads as '' and a
-- missing one as NULL (nullstr is chr(1), which no text file holds), so an empty column name is still counted.

SELECT *
FROM read_csv($path,
    auto_detect = false, header = false, columns = $columns,
    delim = ',', quote = '"', escape = '"', comment = '',
    strict_mode = false, null_padding = true, ignore_errors = true, parallel = false,
    nullstr = chr(1))
LIMIT 1;
