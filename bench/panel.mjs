// The national-panel benchmark in polars (nodejs-polars) and DuckDB
// (@duckdb/node-api), run by bench/run:
//
//   node --expose-gc bench/panel.mjs polars|duckdb ROWS REPS THREADS
//
// Each engine builds the synthetic panel of internal/panel itself,
// vectorised and outside the timer, in 64-bit integers (every value is
// non-negative, so floor division is Go's truncating division):
//
//   province  = i % 63 + 1
//   year      = 2010 + (i / 63) % 15
//   unit      = i / 945
//   staff     = 5 + (7*i + i/945) % 200
//   computers = staff * (30 + (13*i) % 91) / 100   (integer division)
//
// then times, REPS times after one warm-up, the computation of Go's
// BenchmarkPanelGroupBy: ratio = computers / staff (float64) for every row,
// group by province × year into sum(staff), sum(computers), mean(ratio) and
// the row count, result brought into JavaScript values (945 rows).
// polars makes the ratio a column first (eager withColumns), as Go's
// BenchmarkPanelGroupBy does; DuckDB computes avg(computers / staff) inside
// its aggregation (scan → projection → PERFECT_HASH_GROUP_BY, one pipeline),
// as Go's BenchmarkPanelGroupByRatio (frame.MeanRatio) does.
//
// Memory (from /proc/self/status): base = VmRSS with the engine loaded, before
// the data are built,
// data = VmRSS after, peak = VmHWM during the warm-up computation (reset with
// /proc/self/clear_refs just before it). Prints one JSON object.
//
// THREADS: DuckDB's `threads` setting (reported as DuckDB reads it back); for
// polars, bench/run sets POLARS_MAX_THREADS (read when the module loads) and
// the size of polars' thread pool is reported.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

function memoryKB() {
  const s = readFileSync("/proc/self/status", "utf8");
  const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(s)[1]);
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
}

function resetPeak() {
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

function collectGarbage() {
  if (globalThis.gc) globalThis.gc();
}

// checksum is bench/gopeak's order-independent summary; groups are objects
// {province, year, staff_sum, computers_sum, ratio_mean, rows} whose integers
// may be numbers or BigInts (all below 2^53).
function checksum(groups) {
  let rows = 0, staff = 0, comp = 0, keyed = 0, ratio = 0, kratio = 0;
  for (const g of groups) {
    const cell = 15 * (Number(g.province) - 1) + (Number(g.year) - 2010) + 1;
    const mean = Number(g.ratio_mean);
    if (g.ratio_mean === null || Number.isNaN(mean)) throw new Error("a mean ratio is null");
    rows += Number(g.rows);
    staff += Number(g.staff_sum);
    comp += Number(g.computers_sum);
    keyed += cell * Number(g.computers_sum);
    ratio += mean;
    kratio += cell * mean;
  }
  for (const [k, v] of Object.entries({ rows, staff, comp, keyed })) {
    if (!Number.isSafeInteger(v)) throw new Error(`checksum ${k} = ${v} is beyond 2^53`);
  }
  return `groups=${groups.length} rows=${rows} staff=${staff} computers=${comp} keyed=${keyed} ` +
    `ratio=${ratio.toFixed(9)} kratio=${kratio.toFixed(6)}`;
}

// polarsThreads counts the threads of polars' pool (named polars-N).
function polarsThreads() {
  return readdirSync("/proc/self/task")
    .filter((t) => readFileSync(`/proc/self/task/${t}/comm`, "utf8").startsWith("polars-")).length;
}

const polarsEngine = {
  name: "polars",
  async load() {
    const pl = require("nodejs-polars");
    return {
      version: `nodejs-polars ${require("nodejs-polars/package.json").version}`,
      async build(n) {
        const I = (v) => pl.lit(v).cast(pl.Int64); // an Int64 literal: integer arithmetic
        const i = pl.col("i");
        const staff = I(5).add(i.mul(I(7)).add(i.div(I(945))).modulo(I(200)));
        const idx = pl.DataFrame({ i: pl.intRange({ start: 0, end: n, step: 1, dtype: pl.Int64, eager: true }) });
        const df = idx.select(
          i.modulo(I(63)).add(I(1)).alias("province"),
          I(2010).add(i.div(I(63)).modulo(I(15))).alias("year"),
          i.div(I(945)).alias("unit"),
          staff.alias("staff"),
          staff.mul(I(30).add(i.mul(I(13)).modulo(I(91)))).div(I(100)).alias("computers"),
        );
        for (const c of df.columns) {
          if (!df.getColumn(c).dtype.equals(pl.Int64)) throw new Error(`polars column ${c} is ${df.getColumn(c).dtype}`);
        }
        // Int64 / Int64 is integer division in nodejs-polars: cast first
        const ratio = pl.col("computers").cast(pl.Float64).div(pl.col("staff").cast(pl.Float64)).alias("ratio");
        return () => df.withColumns(ratio).groupBy(["province", "year"]).agg(
          pl.col("staff").sum().alias("staff_sum"),
          pl.col("computers").sum().alias("computers_sum"),
          pl.col("ratio").mean().alias("ratio_mean"),
          pl.len().alias("rows"),
        ).toRecords();
      },
      threads: polarsThreads,
    };
  },
};

const duckdbEngine = {
  name: "duckdb",
  async load(threads) {
    const { DuckDBInstance, version } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:", { threads: String(threads) });
    const conn = await instance.connect();
    const setting = Number((await conn.runAndReadAll(`SELECT current_setting('threads')`)).getRows()[0][0]);
    return {
      version: `DuckDB ${version()} (@duckdb/node-api ${require("@duckdb/node-api/package.json").version})`,
      async build(n) {
        // `//` is integer division in DuckDB (`/` is floating-point)
        await conn.run(`CREATE TABLE panel AS
          SELECT province, "year", unit, staff, staff * (30 + (13 * i) % 91) // 100 AS computers
          FROM (SELECT i, i % 63 + 1 AS province, 2010 + (i // 63) % 15 AS "year", i // 945 AS unit,
                       5 + (7 * i + i // 945) % 200 AS staff
                FROM range(${n}) t(i))`);
        const types = (await conn.runAndReadAll(
          `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'panel'`)).getRows();
        for (const [c, t] of types) if (t !== "BIGINT") throw new Error(`duckdb column ${c} is ${t}`);
        const sql = `SELECT province, "year", sum(staff) AS staff_sum, sum(computers) AS computers_sum,
            avg(computers / staff) AS ratio_mean, count(*) AS rows
          FROM panel GROUP BY province, "year"`;
        return async () => (await conn.runAndReadAll(sql)).getRowObjects();
      },
      threads: () => setting,
    };
  },
};

async function main() {
  const [name, rowsArg, repsArg, threadsArg] = process.argv.slice(2);
  const engine = { polars: polarsEngine, duckdb: duckdbEngine }[name];
  const n = Number(rowsArg), reps = Number(repsArg), threads = Number(threadsArg);
  if (!engine || !(n >= 1) || !(reps >= 1) || !(threads >= 1)) {
    console.error("usage: node --expose-gc bench/panel.mjs polars|duckdb ROWS REPS THREADS");
    process.exit(2);
  }
  const e = await engine.load(threads);
  collectGarbage();
  const base = memoryKB().rss;
  const compute = await e.build(n);
  collectGarbage();
  const data = memoryKB().rss;
  const reset = resetPeak();
  let out = await compute(); // the warm-up, whose peak is measured
  const peak = memoryKB().hwm;
  const summary = checksum(out);
  const times = [];
  for (let r = 0; r < reps; r++) {
    out = null;
    const t0 = process.hrtime.bigint();
    out = await compute();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(JSON.stringify({
    engine: engine.name, threads: e.threads(), rows: n,
    base_kb: base, data_kb: data, peak_kb: peak, peak_reset: reset,
    checksum: summary, times_ms: times, version: `${e.version}, node ${process.version}`,
  }));
}

await main();
