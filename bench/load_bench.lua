-- wrk script for bench/load_bench.sh: cycles through the request paths in the file named by LOAD_PATHS,
-- each thread starting at its own offset, so both client threads ask varied queries.
local paths = {}
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

function init(args)
  for line in io.lines(os.getenv("LOAD_PATHS")) do
    paths[#paths + 1] = line
  end
  counter = (id or 0) * 7
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
