-- transaction-begin.sql
-- Begins a transaction (WorkbookDatabase.transaction).

BEGIN TRANSACTION;
