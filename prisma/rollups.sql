-- Rollups: counts of diplomatic requests kept up to date by triggers, so that
-- the dashboard and the country pages read a few thousand counters instead of
-- a million requests (lib/dashboard/sql.ts says when each figure can use them).
--
-- Derived data only: everything here can be dropped and rebuilt from
-- "DiplomaticRequest" at any time (SELECT dashboard.rebuild()). It lives in a
-- schema of its own, outside Prisma's schema.prisma and migrations, because
-- Prisma's migration runner splits scripts on every semicolon (it cannot
-- create a PL/pgSQL function) and its drift check would not know these
-- tables. tools/postgres/rollups.ts applies this file after the migrations,
-- whenever the file's hash differs from the one recorded in
-- dashboard.definition: it drops the schema, recreates it and rebuilds the
-- counts, in one transaction.
--
-- Exact, never stale: the triggers below record each change to the requests
-- in the same transaction as the change (statement-level, with transition
-- tables, so that a COPY or a multi-row INSERT is one aggregate, not one row
-- each). Writers only append to the *_delta tables: they never update a
-- shared counter, so concurrent writers neither wait for nor deadlock with
-- each other. Readers sum a counter table and its deltas (the views
-- request_months and request_targets). dashboard.compact() folds committed
-- deltas into the counters in one transaction (the app runs it every few
-- seconds, lib/db/rollups.ts; migrations run it too); its timing changes
-- nothing that a reader sees. A count of 0 may be kept as a row; readers
-- leave out groups whose sum is 0.

-- What is counted: every request that is not deleted, by the columns of the
-- request itself (dates, countries, ask, response, verification, and whether
-- it is restricted). Filters that go through linked records (weapon category
-- through transfers, severity through concerns) cannot be answered here: the
-- dashboard computes those figures from the requests themselves.

DROP SCHEMA IF EXISTS dashboard CASCADE;
CREATE SCHEMA dashboard;
COMMENT ON SCHEMA dashboard IS 'Derived counts for the dashboard, maintained by triggers (prisma/rollups.sql). Never written by the app.';

CREATE TABLE dashboard.definition (sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());

-- Requests by month of their date and by response: the dashboard's requests
-- over time, and a country's requests by year and response.
--
-- Each request is counted once under country 0 (every request) and once under
-- each of its countries, with `side` saying how the country took part: 1 made
-- the request, 2 received it, 3 both (a country asking itself is counted once).
CREATE TABLE dashboard.request_month (
  country_id int NOT NULL,
  side smallint NOT NULL,
  restricted boolean NOT NULL,
  verified boolean NOT NULL,
  -- First day of the month of "occurredOn"; '-infinity' when the date is unknown.
  month date NOT NULL,
  -- Known only by its year (the month is then January, as stored).
  year_only boolean NOT NULL,
  -- '' when the response is unknown.
  response text NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (country_id, month, restricted, side, verified, year_only, response)
);
CREATE TABLE dashboard.request_month_delta (LIKE dashboard.request_month);
CREATE INDEX ON dashboard.request_month_delta (country_id, month);
CREATE VIEW dashboard.request_months AS
  SELECT * FROM dashboard.request_month UNION ALL SELECT * FROM dashboard.request_month_delta;

-- Requests by target country, ask and response, per year of their date and
-- for all dates together (year 0: every request, dated or not): the
-- dashboard's answers by country and the asks rebuffed most.
--
-- Each request is counted under country 0 and under each of its countries
-- (once when it has one country twice).
CREATE TABLE dashboard.request_target (
  country_id int NOT NULL,
  restricted boolean NOT NULL,
  year smallint NOT NULL,
  verified boolean NOT NULL,
  target_id int NOT NULL,
  ask text NOT NULL,
  response text NOT NULL,
  n int NOT NULL,
  PRIMARY KEY (country_id, year, restricted, target_id, ask, response, verified)
);
CREATE TABLE dashboard.request_target_delta (LIKE dashboard.request_target);
CREATE INDEX ON dashboard.request_target_delta (country_id, year);
CREATE VIEW dashboard.request_targets AS
  SELECT * FROM dashboard.request_target UNION ALL SELECT * FROM dashboard.request_target_delta;

-- The rows of request_month that one request counts in (none once deleted).
CREATE FUNCTION dashboard.request_month_keys(d "DiplomaticRequest")
RETURNS TABLE (country_id int, side smallint, restricted boolean, verified boolean, month date, year_only boolean, response text)
LANGUAGE sql STABLE AS $$
  SELECT c.country_id, c.side, d.visibility = 'RESTRICTED', d."verifiedAt" IS NOT NULL,
         COALESCE(date_trunc('month', d."occurredOn"::timestamp)::date, '-infinity'::date),
         d."occurredOn" IS NOT NULL AND d."occurredOnPrecision" IS NOT DISTINCT FROM 'YEAR',
         COALESCE(d.response::text, '')
    FROM (VALUES (0, 0::smallint, true),
                 (d."requestingCountryId", CASE WHEN d."requestingCountryId" = d."targetCountryId" THEN 3 ELSE 1 END::smallint, true),
                 (d."targetCountryId", 2::smallint, d."requestingCountryId" <> d."targetCountryId")) c(country_id, side, keep)
   WHERE c.keep AND d."deletedAt" IS NULL
$$;

-- The rows of request_target that one request counts in (none once deleted).
CREATE FUNCTION dashboard.request_target_keys(d "DiplomaticRequest")
RETURNS TABLE (country_id int, restricted boolean, year smallint, verified boolean, target_id int, ask text, response text)
LANGUAGE sql STABLE AS $$
  SELECT c.country_id, d.visibility = 'RESTRICTED', p.year, d."verifiedAt" IS NOT NULL,
         d."targetCountryId", d.ask::text, COALESCE(d.response::text, '')
    FROM (VALUES (0, true),
                 (d."requestingCountryId", true),
                 (d."targetCountryId", d."requestingCountryId" <> d."targetCountryId")) c(country_id, keep)
   CROSS JOIN (VALUES (0::smallint), (EXTRACT(YEAR FROM d."occurredOn")::smallint)) p(year)
   WHERE c.keep AND p.year IS NOT NULL AND d."deletedAt" IS NULL
$$;

-- The statements that add the requests of `changes` (a query of rows `r` of
-- type "DiplomaticRequest" with a `delta` of +1 or -1) to the tables named
-- `month_table` and `target_table`, one row per group. The caller runs them
-- with EXECUTE: a trigger's transition tables are visible to the trigger
-- function's own queries only.
CREATE FUNCTION dashboard.count_statements(changes text, month_table text, target_table text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO dashboard.%I (country_id, side, restricted, verified, month, year_only, response, n)
    SELECT k.country_id, k.side, k.restricted, k.verified, k.month, k.year_only, k.response, sum(c.delta)
      FROM (%s) c CROSS JOIN LATERAL dashboard.request_month_keys(c.r) k
     GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(c.delta) <> 0
     ORDER BY 1, 5, 3, 2, 4, 6, 7
  $q$, month_table, changes)
  UNION ALL
  SELECT format($q$
    INSERT INTO dashboard.%I (country_id, restricted, year, verified, target_id, ask, response, n)
    SELECT k.country_id, k.restricted, k.year, k.verified, k.target_id, k.ask, k.response, sum(c.delta)
      FROM (%s) c CROSS JOIN LATERAL dashboard.request_target_keys(c.r) k
     GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(c.delta) <> 0
     ORDER BY 1, 3, 2, 5, 6, 7, 4
  $q$, target_table, changes)
$$;

-- The triggers' function: the statement's old rows count -1, its new rows +1
-- (an update that changes none of the counted columns adds nothing).
CREATE FUNCTION dashboard.requests_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text;
  statement text;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE dashboard.request_month, dashboard.request_month_delta, dashboard.request_target, dashboard.request_target_delta;
    RETURN NULL;
  END IF;
  -- Most edits change none of the counted columns: nothing to do. (Nested:
  -- the query names old_rows, which only an UPDATE trigger has.)
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (
      SELECT 1 FROM old_rows o FULL JOIN new_rows n ON n.id = o.id
       WHERE o.id IS NULL OR n.id IS NULL
          OR (o."requestingCountryId", o."targetCountryId", o."occurredOn", o."occurredOnPrecision", o.ask, o.response,
              o.visibility, o."verifiedAt" IS NULL, o."deletedAt" IS NULL)
             IS DISTINCT FROM
             (n."requestingCountryId", n."targetCountryId", n."occurredOn", n."occurredOnPrecision", n.ask, n.response,
              n.visibility, n."verifiedAt" IS NULL, n."deletedAt" IS NULL)
    ) THEN
      RETURN NULL;
    END IF;
  END IF;
  changes := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT ROW(n.*)::"DiplomaticRequest" AS r, 1 AS delta FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT ROW(o.*)::"DiplomaticRequest" AS r, -1 AS delta FROM old_rows o'
    ELSE 'SELECT ROW(o.*)::"DiplomaticRequest" AS r, -1 AS delta FROM old_rows o UNION ALL SELECT ROW(n.*)::"DiplomaticRequest", 1 FROM new_rows n'
  END;
  FOR statement IN SELECT dashboard.count_statements(changes, 'request_month_delta', 'request_target_delta') LOOP
    EXECUTE statement;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_requests_inserted AFTER INSERT ON "DiplomaticRequest"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.requests_changed();
CREATE TRIGGER dashboard_requests_updated AFTER UPDATE ON "DiplomaticRequest"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.requests_changed();
CREATE TRIGGER dashboard_requests_deleted AFTER DELETE ON "DiplomaticRequest"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard.requests_changed();
CREATE TRIGGER dashboard_requests_truncated AFTER TRUNCATE ON "DiplomaticRequest"
  FOR EACH STATEMENT EXECUTE FUNCTION dashboard.requests_changed();

-- Folds the committed deltas into the counters, in one transaction (readers
-- see the sum before or after, which are equal). One compaction at a time:
-- another caller returns at once. Returns the number of delta rows folded.
CREATE FUNCTION dashboard.compact() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  month_rows bigint;
  target_rows bigint;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('dashboard.compact')) THEN
    RETURN 0;
  END IF;
  WITH moved AS (DELETE FROM dashboard.request_month_delta RETURNING *),
  summed AS (
    SELECT country_id, side, restricted, verified, month, year_only, response, sum(moved.n)::int AS n, count(*) AS rows
      FROM moved GROUP BY 1, 2, 3, 4, 5, 6, 7
  ), up AS (
    INSERT INTO dashboard.request_month AS t (country_id, side, restricted, verified, month, year_only, response, n)
    SELECT country_id, side, restricted, verified, month, year_only, response, summed.n FROM summed
    ON CONFLICT (country_id, month, restricted, side, verified, year_only, response) DO UPDATE SET n = t.n + excluded.n
  )
  SELECT COALESCE(sum(rows), 0) INTO month_rows FROM summed;
  WITH moved AS (DELETE FROM dashboard.request_target_delta RETURNING *),
  summed AS (
    SELECT country_id, restricted, year, verified, target_id, ask, response, sum(moved.n)::int AS n, count(*) AS rows
      FROM moved GROUP BY 1, 2, 3, 4, 5, 6, 7
  ), up AS (
    INSERT INTO dashboard.request_target AS t (country_id, restricted, year, verified, target_id, ask, response, n)
    SELECT country_id, restricted, year, verified, target_id, ask, response, summed.n FROM summed
    ON CONFLICT (country_id, year, restricted, target_id, ask, response, verified) DO UPDATE SET n = t.n + excluded.n
  )
  SELECT COALESCE(sum(rows), 0) INTO target_rows FROM summed;
  RETURN month_rows + target_rows;
END
$$;

-- Every count from the requests as they are (after a restore, or to check
-- the triggers: tests compare the two).
CREATE FUNCTION dashboard.rebuild() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  statement text;
BEGIN
  -- No request changes meanwhile: their triggers would count them twice or not at all.
  LOCK TABLE "DiplomaticRequest" IN SHARE MODE;
  TRUNCATE dashboard.request_month, dashboard.request_month_delta, dashboard.request_target, dashboard.request_target_delta;
  FOR statement IN SELECT dashboard.count_statements('SELECT d AS r, 1 AS delta FROM "DiplomaticRequest" d WHERE d."deletedAt" IS NULL', 'request_month', 'request_target') LOOP
    EXECUTE statement;
  END LOOP;
  ANALYZE dashboard.request_month;
  ANALYZE dashboard.request_target;
END
$$;

SELECT dashboard.rebuild();
