-- wrk script: authenticated GETs of an operation's current tallies (bench/load-test runs it).
-- Environment: CORRIDOR_TOKEN (a bearer token), CORRIDOR_OPERATION (the operation's id).
local common = dofile(os.getenv("CORRIDOR_WRK_COMMON"))
local token = os.getenv("CORRIDOR_TOKEN")
local operation = os.getenv("CORRIDOR_OPERATION")
local path = "/api/operations/" .. operation .. "/tallies"

request = function()
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

response = common.expect(200)

done = common.done
