-- wrk script of the benchmarks (bench/src/main/java/org/centinela/bench/Wrk.java). Everything comes from the
-- environment, so that no token is written to disk:
--   BENCH_TOKEN          bearer token (optional)
--   BENCH_IF_NONE_MATCH  If-None-Match (optional)
--   BENCH_METHOD         GET (default) or POST
--   BENCH_BODY_FILE      the request body, sent as application/json (optional)
--   BENCH_EXPECT         the status every answer must have (default 200)
-- At the end it prints one line "CENTINELA-WRK {json}" with the totals, the latency percentiles (µs) and the
-- answers that had another status.

local token = os.getenv("BENCH_TOKEN")
local ifNoneMatch = os.getenv("BENCH_IF_NONE_MATCH")
local bodyFile = os.getenv("BENCH_BODY_FILE")
local expected = tonumber(os.getenv("BENCH_EXPECT") or "200")

wrk.method = os.getenv("BENCH_METHOD") or "GET"
wrk.headers["Accept"] = "application/json"
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
if ifNoneMatch and ifNoneMatch ~= "" then
  wrk.headers["If-None-Match"] = ifNoneMatch
end
if bodyFile and bodyFile ~= "" then
  local file = assert(io.open(bodyFile, "rb"))
  wrk.body = file:read("*a")
  file:close()
  wrk.headers["Content-Type"] = "application/json"
end

-- Each wrk thread runs its own copy of this script; setup() (main state) keeps them for done().
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

unexpected = 0
firstUnexpected = ""

function response(status, headers, body)
  if status ~= expected then
    unexpected = unexpected + 1
    if firstUnexpected == "" then
      firstUnexpected = tostring(status) .. " " .. string.sub(body or "", 1, 200)
    end
  end
end

local function quoted(text)
  return '"' .. string.gsub(text, '[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end) .. '"'
end

function done(summary, latency, requests)
  local others, first = 0, ""
  for _, thread in ipairs(threads) do
    others = others + thread:get("unexpected")
    if first == "" then
      first = thread:get("firstUnexpected")
    end
  end
  io.write(string.format(
    'CENTINELA-WRK {"requests":%d,"bytes":%d,"micros":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,'
      .. '"timeouts":%d,"unexpected":%d,"firstUnexpected":%s,"p50":%d,"p90":%d,"p99":%d,"max":%d}\n',
    summary.requests, summary.bytes, summary.duration, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout, others, quoted(first),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
