-- web_load.lua - wrk script for bench/web_load.sh: cycles through the
-- benchmark's queries (args: QUERIES_FILE PATH_PREFIX) and prints errors and
-- p50/p99 latency in one line a shell can read.
local queries, prefix, idx = {}, "/api/search?q=", 0

local function encode(s)
    return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
    for line in io.lines(args[1]) do
        if #line > 0 then queries[#queries + 1] = encode(line) end
    end
    prefix = args[2] or prefix
    idx = math.random(#queries)
end

function request()
    idx = idx % #queries + 1
    return wrk.format("GET", prefix .. queries[idx])
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        "requests=%d errors=%d (connect %d read %d write %d status %d timeout %d) p50_ms=%.2f p99_ms=%.2f rps=%.0f\n",
        summary.requests, e.connect + e.read + e.write + e.status + e.timeout,
        e.connect, e.read, e.write, e.status, e.timeout,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        summary.requests / (summary.duration / 1e6)))
end
