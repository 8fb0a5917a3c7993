-- wrk script for bench/verify/run.sh: POSTs the verify body for one of BENCH_CODES seeded codes picked uniformly at
-- random ("SH" .. BENCH_RUN .. 10-digit index, as seed/Program.cs publishes them) to BENCH_PATH, so no single key is
-- hot and codes of holders with several codes (about a fifth, see the seed) come up in their share.
-- The same body goes to /v1/verify (with X-Api-Key BENCH_KEY) and to the bare /bench/redis-get.
local run = os.getenv("BENCH_RUN") or error("BENCH_RUN not set")
local codes = tonumber(os.getenv("BENCH_CODES") or "10000")
local path = os.getenv("BENCH_PATH") or "/v1/verify"
local key = os.getenv("BENCH_KEY")

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (seed or 0))
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if key and #key > 0 then wrk.headers["X-Api-Key"] = key end
end

function request()
  local body = string.format('{"code":"SH%s%010d","checkpoint":{"region":"310000","scene":"general","id":"bench-gate"}}',
    run, math.random(0, codes - 1))
  return wrk.format(nil, path, nil, body)
end

-- One machine-readable line per run (latency in microseconds from wrk, printed in ms).
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT path=%s rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f requests=%d socket_errors=%d non2xx=%d\n",
    path, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, summary.requests, errors, summary.errors.status))
end
