-- take-host-slot: takes one slot of an ATS host's sliding-window rate limit, atomically, for every
-- worker at once. Any window of `window` ms holds at most `limit` grants (a log of grant times,
-- not a token bucket, so no burst across a window edge). Redis's own clock: workers' clocks may differ.
--
-- KEYS[1]  the host's grant log: a sorted set of grant times (ms)
-- ARGV[1]  limit: most grants in any window
-- ARGV[2]  window, ms
-- ARGV[3]  a unique id for this grant
--
-- Returns  0 when the slot was granted (and logged); otherwise the ms until one frees up.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
