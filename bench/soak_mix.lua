-- wrk script for the soak (bench/hostile.sh --soak): every kind of request in turn, each
-- thread cycling through the list. Expected: 200 for the first nine, then 304
-- (If-None-Match: *), 400, 404, 400 and 405; wrk counts those five as non-2xx, by design:
-- 5 of every 14 requests. (HEAD is sent by bench/disconnects.py: wrk waits for a body
-- after a HEAD answer and stalls the connection.)
local requests = {}

local function add(method, path, headers)
  requests[#requests + 1] = wrk.format(method, path, headers)
end

function init(args)
  add("GET", "/", { ["Accept-Encoding"] = "br" })
  add("GET", "/issues/dns", { ["Accept-Encoding"] = "br" })
  add("GET", "/map?issue=dns", { ["Accept-Encoding"] = "gzip" })
  add("GET", "/glossary", {})
  add("GET", "/?focus=building-trust", { ["Accept-Encoding"] = "br" })
  add("GET", "/?q=routing+security", { ["Accept-Encoding"] = "br" })
  add("GET", "/api/issues?q=privacy", { ["Accept-Encoding"] = "gzip" })
  add("GET", "/api/issues/tls", {})
  add("GET", "/api/search-index", { ["Accept-Encoding"] = "br" })
  add("GET", "/issues/dns", { ["If-None-Match"] = "*" })
  add("GET", "/api/issues/dns?x=1", {})
  add("GET", "/issues/no-such-issue", {})
  add("GET", "/%ff", {})
  add("POST", "/api/fn/get_issue", {})
end

local next_request = 0

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
