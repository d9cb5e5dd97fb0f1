-- wrk script for bench/web/load.sh: each request saves one unit's whole draft, the units taken
-- in turn, each with its own session cookie and CSRF token.
local sessions = dofile(os.getenv("KAOHE_LOAD_SESSIONS"))
local requests = {}

function init(args)
  for index, s in ipairs(sessions) do
    local file = io.open(s.body, "rb")
    local body = file:read("*a")
    file:close()
    requests[index] = wrk.format("PUT", "/api/v1/rounds/load/units/" .. s.unit .. "/draft",
      {["Cookie"] = s.cookie, ["X-CSRF-Token"] = s.csrf, ["Content-Type"] = "application/yaml"}, body)
  end
end

local turn = 0
function request()
  turn = turn % #requests + 1
  return requests[turn]
end

function done(summary, latency, requests)
  io.write(string.format("saves/s %.1f  p50 %.1f ms  p99 %.1f ms  errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
