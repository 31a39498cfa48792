// The national-panel benchmark in polars (nodejs-polars) and DuckDB
// (@duckdb/node-api), run by bench/run:
//
//   node --expose-gc bench/panel.mjs polars|duckdb ROWS REPS THREADS [groupby|join|concat]
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
// With OP = join or concat (a fifth argument) it times instead, the same way,
// the Join or the Concat of the benchmark (bench/gopeak/joinconcat.go), each
// result left in the engine's own memory, not brought into JavaScript:
//
//   join    the panel of ROWS rows, a left join on its int64 province code to
//           the 63-row province table (province = 1 … 63, population =
//           500 + 37.5·(province − 1), float64), all panel columns and
//           population. polars: df.join(provinces, {on: "province", how:
//           "left"}), a DataFrame; DuckDB: SELECT p.*, t.population FROM panel
//           p LEFT JOIN provinces t ON p.province = t.province, run into a
//           materialised result (conn.run: every row held by DuckDB)
//   concat  ten references to one panel of ROWS/10 rows stacked into ROWS
//           rows. polars: pl.concat([part × 10], {rechunk: true}) (contiguous
//           columns); DuckDB: SELECT * FROM part UNION ALL … (10 times),
//           materialised
//
// The results of these two are large: between repetitions, outside the timer,
// the previous one is dropped and garbage collected.
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

// The provinces of the Join: province = 1 … 63, population = 500 + 37.5·(province − 1).
const PROVINCES = Array.from({ length: 63 }, (_, k) => k + 1);
const population = (code) => 500 + 37.5 * (code - 1);
const CONCAT_PARTS = 10;

// sums adds up columns given chunk by chunk; integers (numbers or BigInts)
// exactly in BigInt, floats in numbers (the population sums are multiples of
// 0.5, exact in float64).
function safe(k, v) {
  if (typeof v === "bigint") {
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`checksum ${k} = ${v} is beyond 2^53`);
    return v.toString();
  }
  if (!Number.isSafeInteger(v * 2)) throw new Error(`checksum ${k} = ${v} is beyond 2^53`);
  return v;
}

// joinChecksum is bench/gopeak's joinChecksum, from the totals of the result:
// {rows, columns, staff, computers, population, keyed}.
function joinChecksum(t) {
  return `rows=${t.rows} columns=${t.columns.join(",")} staff=${safe("staff", t.staff)} ` +
    `computers=${safe("computers", t.computers)} population=${safe("population", t.population).toFixed(1)} ` +
    `keyed=${safe("keyed", t.keyed).toFixed(1)}`;
}

// concatChecksum is bench/gopeak's concatChecksum: rows, column names, the
// sum of each column (sums: name → total).
function concatChecksum(rows, columns, sums) {
  return `rows=${rows} columns=${columns.join(",")} ` + columns.map((c) => `${c}=${safe(c, sums[c])}`).join(" ");
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
      async build(n, op = "groupby") {
        if (op === "join") {
          const df = panel(n);
          const provinces = pl.DataFrame({
            province: pl.Series("province", PROVINCES, pl.Int64),
            population: pl.Series("population", PROVINCES.map(population), pl.Float64),
          });
          return {
            compute: () => df.join(provinces, { on: "province", how: "left" }),
            checksum(out) {
              const t = out.select(
                pl.col("staff").sum().alias("staff"),
                pl.col("computers").sum().alias("computers"),
                pl.col("population").sum().alias("population"),
                pl.col("province").cast(pl.Float64).mul(pl.col("population")).sum().alias("keyed"),
                pl.col("population").nullCount().alias("nulls"),
              ).toRecords()[0];
              if (Number(t.nulls) !== 0) throw new Error("a row of the join has no population");
              return joinChecksum({ rows: out.height, columns: out.columns, staff: BigInt(t.staff),
                computers: BigInt(t.computers), population: Number(t.population), keyed: Number(t.keyed) });
            },
          };
        }
        if (op === "concat") {
          const part = panel(n / CONCAT_PARTS);
          const parts = Array(CONCAT_PARTS).fill(part);
          return {
            compute: () => pl.concat(parts, { rechunk: true, parallel: true, how: "vertical" }),
            checksum(out) {
              const t = out.select(...out.columns.map((c) => pl.col(c).sum().alias(c))).toRecords()[0];
              const sums = Object.fromEntries(out.columns.map((c) => [c, BigInt(t[c])]));
              return concatChecksum(out.height, out.columns, sums);
            },
          };
        }
        const df = panel(n);
        // Int64 / Int64 is integer division in nodejs-polars: cast first
        const ratio = pl.col("computers").cast(pl.Float64).div(pl.col("staff").cast(pl.Float64)).alias("ratio");
        return {
          compute: () => df.withColumns(ratio).groupBy(["province", "year"]).agg(
            pl.col("staff").sum().alias("staff_sum"),
            pl.col("computers").sum().alias("computers_sum"),
            pl.col("ratio").mean().alias("ratio_mean"),
            pl.len().alias("rows"),
          ).toRecords(),
          checksum,
        };
      },
      threads: polarsThreads,
    };
    function panel(n) {
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
      return df;
    }
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
      async build(n, op = "groupby") {
        if (op === "join") {
          await panel("panel", n);
          await conn.run(`CREATE TABLE provinces AS
            SELECT i AS province, CAST(500 + 37.5 * (i - 1) AS DOUBLE) AS population FROM range(1, 64) t(i)`);
          await checkTypes("provinces", { province: "BIGINT", population: "DOUBLE" });
          const sql = `SELECT p.*, t.population FROM panel p LEFT JOIN provinces t ON p.province = t.province`;
          return {
            compute: () => conn.run(sql),
            checksum(out) {
              const columns = out.columnNames();
              const col = (c) => columns.indexOf(c);
              const [prov, staffC, compC, popC] = ["province", "staff", "computers", "population"].map(col);
              let staff = 0n, computers = 0n, pop = 0, keyed = 0;
              for (let k = 0; k < out.chunkCount; k++) {
                const chunk = out.getChunk(k);
                const p = chunk.getColumnValues(prov), s = chunk.getColumnValues(staffC);
                const c = chunk.getColumnValues(compC), q = chunk.getColumnValues(popC);
                for (let r = 0; r < p.length; r++) {
                  if (q[r] === null) throw new Error("a row of the join has no population");
                  staff += s[r];
                  computers += c[r];
                  pop += q[r];
                  keyed += Number(p[r]) * q[r];
                }
              }
              return joinChecksum({ rows: out.rowCount, columns, staff, computers, population: pop, keyed });
            },
          };
        }
        if (op === "concat") {
          await panel("part", n / CONCAT_PARTS);
          const sql = Array(CONCAT_PARTS).fill("SELECT * FROM part").join(" UNION ALL ");
          return {
            compute: () => conn.run(sql),
            checksum(out) {
              const columns = out.columnNames();
              const sums = columns.map(() => 0n);
              for (let k = 0; k < out.chunkCount; k++) {
                const chunk = out.getChunk(k);
                columns.forEach((_, j) => {
                  for (const v of chunk.getColumnValues(j)) sums[j] += v;
                });
              }
              return concatChecksum(out.rowCount, columns, Object.fromEntries(columns.map((c, j) => [c, sums[j]])));
            },
          };
        }
        await panel("panel", n);
        const sql = `SELECT province, "year", sum(staff) AS staff_sum, sum(computers) AS computers_sum,
            avg(computers / staff) AS ratio_mean, count(*) AS rows
          FROM panel GROUP BY province, "year"`;
        return { compute: async () => (await conn.runAndReadAll(sql)).getRowObjects(), checksum };
      },
      threads: () => setting,
    };
    // panel makes the table NAME of the panel's n rows.
    async function panel(name, n) {
      // `//` is integer division in DuckDB (`/` is floating-point)
      await conn.run(`CREATE TABLE ${name} AS
        SELECT province, "year", unit, staff, staff * (30 + (13 * i) % 91) // 100 AS computers
        FROM (SELECT i, i % 63 + 1 AS province, 2010 + (i // 63) % 15 AS "year", i // 945 AS unit,
                     5 + (7 * i + i // 945) % 200 AS staff
              FROM range(${n}) t(i))`);
      await checkTypes(name, { province: "BIGINT", year: "BIGINT", unit: "BIGINT", staff: "BIGINT", computers: "BIGINT" });
    }
    async function checkTypes(name, want) {
      const types = (await conn.runAndReadAll(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${name}'`)).getRows();
      if (types.length !== Object.keys(want).length) throw new Error(`duckdb table ${name} has ${types.length} columns`);
      for (const [c, t] of types) if (t !== want[c]) throw new Error(`duckdb column ${name}.${c} is ${t}`);
    }
  },
};

async function main() {
  const [name, rowsArg, repsArg, threadsArg, op = "groupby"] = process.argv.slice(2);
  const engine = { polars: polarsEngine, duckdb: duckdbEngine }[name];
  const n = Number(rowsArg), reps = Number(repsArg), threads = Number(threadsArg);
  if (!engine || !(n >= 1) || !(reps >= 1) || !(threads >= 1) || !["groupby", "join", "concat"].includes(op) ||
      op === "concat" && n % CONCAT_PARTS !== 0) {
    console.error("usage: node --expose-gc bench/panel.mjs polars|duckdb ROWS REPS THREADS [groupby|join|concat]" +
      " (concat: ROWS a multiple of 10)");
    process.exit(2);
  }
  const e = await engine.load(threads);
  collectGarbage();
  const base = memoryKB().rss;
  const { compute, checksum: summarise } = await e.build(n, op);
  collectGarbage();
  const data = memoryKB().rss;
  const reset = resetPeak();
  let out = await compute(); // the warm-up, whose peak is measured
  const peak = memoryKB().hwm;
  const summary = summarise(out);
  if (op !== "groupby" && !summary.startsWith(`rows=${n} `)) throw new Error(`${op}: ${summary}: not ${n} rows`);
  const times = [];
  for (let r = 0; r < reps; r++) {
    out = null;
    if (op !== "groupby") {
      collectGarbage(); // the previous result (hundreds of MB at 10M rows) is freed outside the timer
      await new Promise((resolve) => setImmediate(resolve)); // native finalizers run
    }
    const t0 = process.hrtime.bigint();
    out = await compute();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(JSON.stringify({
    engine: engine.name, op, threads: e.threads(), rows: n,
    base_kb: base, data_kb: data, peak_kb: peak, peak_reset: reset,
    checksum: summary, times_ms: times, version: `${e.version}, node ${process.version}`,
  }));
}

await main();
