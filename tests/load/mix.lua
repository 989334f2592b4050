-- A fixed mix of planner requests: searches, facet filters, details and exports.
-- wrk runs this per thread; requests cycle through the list in order, so every run sends the same mix.
local paths = {
  "/api/programs?q=%E8%87%AA%E5%8B%95%E9%81%8B%E8%BB%A2",                                  -- q=自動運転
  "/api/programs?q=%E3%83%89%E3%83%AD%E3%83%BC%E3%83%B3&ministry=%E5%86%85%E9%96%A3%E5%BA%9C", -- q=ドローン&ministry=内閣府
  "/api/programs?q=MaaS&sort=deadline",
  "/api/programs?kind=%E8%A3%9C%E5%8A%A9%E9%87%91&applicant=%E5%B8%82%E5%8C%BA%E7%94%BA%E6%9D%91", -- kind=補助金&applicant=市区町村
  "/api/programs?q=%E3%83%87%E3%83%BC%E3%82%BF%E9%80%A3%E6%90%BA%E5%9F%BA%E7%9B%A4&page=2",     -- q=データ連携基盤
  "/api/programs?status=%E5%8F%97%E4%BB%98%E4%B8%AD&rateMin=0.5",                                -- status=受付中
  "/api/programs?q=AI+%E8%A8%88%E7%94%BB%E7%AD%96%E5%AE%9A&fiscalYear=2021",                     -- q=AI 計画策定
  "/api/suggest?q=%E3%82%B9%E3%83%9E",                                                          -- q=スマ
  "/api/programs/DETAIL_ID",
  -- A planner's export: a query narrowed by ministry and year (q=自動運転&ministry=総務省&fiscalYear=2024).
  "/api/export?format=csv&q=%E8%87%AA%E5%8B%95%E9%81%8B%E8%BB%A2&ministry=%E7%B7%8F%E5%8B%99%E7%9C%81&fiscalYear=2024",
}

local i = 0
local detail = os.getenv("DETAIL_ID") or "mirai-gijutsu-shakai-jisso"

request = function()
  i = i % #paths + 1
  local path = paths[i]:gsub("DETAIL_ID", detail)
  return wrk.format("GET", path)
end

local errors = 0
response = function(status, headers, body)
  if status >= 400 then errors = errors + 1 end
end

done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("requests: %d in %.1f s = %.0f req/s\n", summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d, http>=400 %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, non2xx))
end
