-- wrk script of bench/lib.sh's run_wrk: the addresses of file $BENCH_PATHS, one a line,
-- "weight<TAB>Accept-Language (empty: wrk's own)<TAB>path[<TAB>header]" (header "Name: value", e.g. a session's
-- Cookie, sent with that line's requests only), asked
--   cycle (default): in turn, again from the first after the last;
--   once: in turn, each once, then the thread stops (first requests: no address is asked twice); as wrk then
--     still waits out its duration, done() prints "once-elapsed <s>", first request to last answer, for the rate;
--   sample: drawn at random by weight (a skewed popularity), seed $BENCH_SEED.
local mode = os.getenv("BENCH_MODE") or "cycle"
local requests, cumulative, n, total, turn = {}, {}, 0, 0, 0

function init(args)
  math.randomseed(tonumber(os.getenv("BENCH_SEED") or "1"))
  for line in io.lines(os.getenv("BENCH_PATHS")) do
    local weight, lang, path, extra = line:match("^([^\t]*)\t([^\t]*)\t([^\t]+)\t?(.*)$")
    if path then
      local headers = {}
      for k, v in pairs(wrk.headers) do headers[k] = v end
      if lang ~= "" then headers["Accept-Language"] = lang end
      local name, value = extra:match("^([^:]+):%s*(.*)$")
      if name then headers[name] = value end
      n = n + 1
      requests[n] = wrk.format("GET", path, headers)
      total = total + (tonumber(weight) or 1)
      cumulative[n] = total
    end
  end
end

function request()
  if mode == "sample" then
    local r, lo, hi = math.random() * total, 1, n
    while lo < hi do
      local mid = math.floor((lo + hi) / 2)
      if cumulative[mid] < r then lo = mid + 1 else hi = mid end
    end
    return requests[lo]
  end
  turn = turn + 1
  if turn > n then
    if mode == "once" then wrk.thread:stop() end
    turn = 1
  end
  return requests[turn]
end

-- once: the wall-clock time from the first request to the last answer (LuaJIT's ffi: wrk gives Lua no clock)
local threads = {}
first, last = nil, nil   -- globals: done() reads them from each thread (thread:get)
local ffi = require("ffi")
ffi.cdef [[ typedef struct { long tv_sec; long tv_usec; } bench_timeval; int gettimeofday(bench_timeval *t, void *tz); ]]
local function now()
  local t = ffi.new("bench_timeval")
  ffi.C.gettimeofday(t, nil)
  return tonumber(t.tv_sec) + tonumber(t.tv_usec) / 1e6
end

function setup(thread)
  table.insert(threads, thread)
end

if mode == "once" then
  response = function(status, headers, body)
    last = now()
  end
  local plain = request
  request = function()
    if not first then first = now() end
    return plain()
  end
end

function done(summary, latency, requests)
  if mode ~= "once" then return end
  local lo, hi
  for _, t in ipairs(threads) do
    local f, l = t:get("first"), t:get("last")
    if f and (not lo or f < lo) then lo = f end
    if l and (not hi or l > hi) then hi = l end
  end
  if lo and hi then print(string.format("once-elapsed %.6f", hi - lo)) end
end
