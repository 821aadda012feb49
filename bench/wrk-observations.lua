-- wrk script: authenticated POSTs of one observation each, every one with an id of its own (a convoy departing,
-- timed now), so that each request stores a new observation. bench/load-test runs it.
-- Environment: CORRIDOR_TOKEN, CORRIDOR_OPERATION, CORRIDOR_SITE, CORRIDOR_MOVEMENT, CORRIDOR_MONITOR, and
-- CORRIDOR_RUN (a number that keeps ids apart between runs on the same store).
local common = dofile(os.getenv("CORRIDOR_WRK_COMMON"))
local token = os.getenv("CORRIDOR_TOKEN")
local operation = os.getenv("CORRIDOR_OPERATION")
local site = os.getenv("CORRIDOR_SITE")
local movement = os.getenv("CORRIDOR_MOVEMENT")
local monitor = os.getenv("CORRIDOR_MONITOR")
local run = tonumber(os.getenv("CORRIDOR_RUN") or "0")
local path = "/api/operations/" .. operation .. "/observations"
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }

local threads = {}
local counter = 0
thread_number = 0 -- set per thread by setup()

setup = function(thread)
  thread:set("thread_number", #threads + 1)
  table.insert(threads, thread)
end

request = function()
  counter = counter + 1
  -- a version-4 UUID made of the run, the thread and the request's number: unique across the whole test
  local id = string.format("%08x-%04x-4%03x-8%03x-%012x", run, thread_number, 0, 0, counter)
  local convoy = string.format("lt-%d-%d-%d", run, thread_number, counter)
  local body = string.format(
    '{"id":"%s","type":"convoy.departed","operation":"%s","at":"%s","monitor":"%s","site":"%s",'
      .. '"convoy":"%s","movement":"%s","people":%d}',
    id, operation, os.date("!%Y-%m-%dT%H:%M:%S+00:00"), monitor, site, convoy, movement, 40 + counter % 20)
  return wrk.format("POST", path, headers, body)
end

response = common.expect(201)

done = common.done
