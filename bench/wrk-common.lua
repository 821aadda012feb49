-- What both wrk scripts of bench/load-test share: a response check and the one RESULT line load-test reads.
-- Loaded with dofile(os.getenv("CORRIDOR_WRK_COMMON")), which bench/load-test sets to this file.
local common = {}

-- A response handler that reports every status other than `expected` on stderr.
function common.expect(expected)
  return function(status, headers, body)
    if status ~= expected then
      io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n")
    end
  end
end

-- wrk's done(): one line of figures, parsed by bench/load-test.
function common.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end

return common
