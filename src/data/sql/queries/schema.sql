-- schema.sql
-- Creates, or resets to empty, every table of the workbook database.
--
-- Raw tables hold rows exactly as sources delivered them (dates as text, so a
-- malformed date can be rejected with its reason rather than lost on load).
-- `row_id` is the 1-based load order, unique within each raw table.
-- Canonical tables (`prices`, `fundamentals`) are built from the raw ones by
-- build-prices.sql and build-fundamentals.sql; every raw row ends up in exactly
-- one of: its canonical table, `merges` (a duplicate or superseded row, pointing
-- at the row kept) or `rejects` (an invalid row, with the reason and the row as
-- JSON). reconciliation.sql checks this.

CREATE OR REPLACE TABLE raw_prices (
  row_id     INTEGER NOT NULL,
  source     VARCHAR,
  line       INTEGER,
  ticker     VARCHAR,
  date       VARCHAR,          -- as delivered; must be YYYY-MM-DD to be accepted
  close      DOUBLE,           -- quoted close, USD
  adj_close  DOUBLE,           -- adjusted close, USD: the canonical price
  volume     DOUBLE            -- shares traded
);

CREATE OR REPLACE TABLE raw_fundamentals (
  row_id             INTEGER NOT NULL,
  source             VARCHAR,
  line               INTEGER,
  filing_id          VARCHAR,
  ticker             VARCHAR,  -- ticker at the time of filing
  period_end         VARCHAR,  -- fiscal year end, YYYY-MM-DD
  filed_date         VARCHAR,  -- date the filing became public, YYYY-MM-DD
  form               VARCHAR,  -- '10-K' or '10-K/A'
  unit               VARCHAR,  -- 'thousands' or 'millions' (USD; shares likewise)
  revenue            DOUBLE,
  net_income         DOUBLE,
  operating_income   DOUBLE,
  total_assets       DOUBLE,
  total_equity       DOUBLE,
  shares_outstanding DOUBLE
);

-- From effective_date on, old_ticker trades and files as new_ticker.
CREATE OR REPLACE TABLE ticker_changes (
  old_ticker     VARCHAR NOT NULL,
  new_ticker     VARCHAR NOT NULL,
  effective_date VARCHAR NOT NULL  -- YYYY-MM-DD, checked before loading
);

CREATE OR REPLACE TABLE rejects (
  source     VARCHAR,
  line       INTEGER,
  table_name VARCHAR NOT NULL,  -- the raw table: 'raw_prices' or 'raw_fundamentals'
  reason     VARCHAR NOT NULL,
  raw_json   VARCHAR NOT NULL,  -- the raw row; non-finite numbers as strings ("nan", "inf")
  row_id     INTEGER NOT NULL
);

CREATE OR REPLACE TABLE merges (
  source      VARCHAR,
  line        INTEGER,
  table_name  VARCHAR NOT NULL,  -- the raw table
  kept_line   INTEGER,           -- line of the raw row kept in its place
  reason      VARCHAR NOT NULL,
  kept_source VARCHAR,
  row_id      INTEGER NOT NULL,
  kept_row_id INTEGER NOT NULL
);

-- One row per (ticker, date): the adjusted close of a day the ticker traded.
-- No forward fill: a missing day has no row. No rows before a ticker's first valid price.
CREATE OR REPLACE TABLE prices (
  date      DATE    NOT NULL,
  ticker    VARCHAR NOT NULL,    -- current ticker (mapped through ticker_changes)
  adj_close DOUBLE  NOT NULL,    -- USD, > 0, finite
  close     DOUBLE,
  volume    DOUBLE,
  source    VARCHAR,
  line      INTEGER,
  row_id    INTEGER NOT NULL,    -- the raw row kept
  PRIMARY KEY (ticker, date)
);

-- One row per (company, fiscal year). Money in USD millions, shares in millions,
-- ratios and growth rates as fractions (0.25 = 25 %).
CREATE OR REPLACE TABLE fundamentals (
  ticker             VARCHAR NOT NULL,  -- current ticker
  fiscal_year        INTEGER NOT NULL,  -- calendar year the fiscal year is aligned to (see build-fundamentals.sql)
  period_end         DATE    NOT NULL,
  filed_date         DATE    NOT NULL,
  filing_id          VARCHAR NOT NULL,
  form               VARCHAR NOT NULL,
  source             VARCHAR,
  line               INTEGER,
  row_id             INTEGER NOT NULL,
  revenue            DOUBLE,
  net_income         DOUBLE,
  operating_income   DOUBLE,
  total_assets       DOUBLE,
  total_equity       DOUBLE,
  shares_outstanding DOUBLE,
  net_margin         DOUBLE,  -- net_income / revenue
  operating_margin   DOUBLE,  -- operating_income / revenue
  revenue_growth     DOUBLE,  -- revenue / revenue of fiscal_year - 1 - 1
  net_income_growth  DOUBLE,  -- net_income / net_income of fiscal_year - 1 - 1
  return_on_equity   DOUBLE,  -- net_income / total_equity (year end)
  PRIMARY KEY (ticker, fiscal_year)
);

-- A number as JSON, with NaN and infinities written as strings (JSON has no such numbers).
CREATE OR REPLACE MACRO json_number(x) AS
  CASE WHEN x IS NULL OR isfinite(x) THEN to_json(x) ELSE to_json(CAST(x AS VARCHAR)) END;

-- Text without surrounding whitespace: spaces, tabs, line breaks, no-break spaces and byte-order marks
-- (DuckDB's one-argument trim removes spaces only, so "BBB\t" would stay a ticker of its own).
CREATE OR REPLACE MACRO trim_text(text) AS
  trim(text, chr(32) || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(160) || chr(65279));

-- A date written strictly as YYYY-MM-DD, or NULL (2023-02-30, 2023-2-3 and '' are NULL).
CREATE OR REPLACE MACRO strict_iso_date(text) AS
  CASE WHEN regexp_full_match(text, '\d{4}-\d{2}-\d{2}') THEN CAST(try_strptime(text, '%Y-%m-%d') AS DATE) END;
