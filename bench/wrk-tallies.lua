-- wrk script: authenticated GETs of an operation's current tallies (bench/load-test runs it).
-- Environment: CORRIDOR_TOKEN (a bearer token), CORRIDOR_OPERATION (the operation's id).
local token = os.getenv("CORRIDOR_TOKEN")
local operation = os.getenv("CORRIDOR_OPERATION")
local path = "/api/operations/" .. operation .. "/tallies"

request = function()
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
