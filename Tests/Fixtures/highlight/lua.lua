#!/usr/bin/env lua
-- A tiny word-frequency counter for Markdown posts, with a Neovim-style config table.

local M = {}

local config = {
  min_length = 3,
  top = 10,
  ignore = { "the", "and", "for", "with", 'that' },
  verbose = false,
}

--[[
  Words shorter than min_length and words in the ignore list are skipped.
  Front matter between the first two "---" lines is skipped too.
]]

local function set_of(list)
  local set = {}
  for _, word in ipairs(list) do
    set[word] = true
  end
  return set
end

local ignored = set_of(config.ignore)

function M.strip_front_matter(text)
  if text:sub(1, 3) ~= "---" then
    return text
  end
  local finish = text:find("\n---", 4, true)
  if not finish then return text end
  return text:sub(finish + 4)
end

function M.count(text)
  local counts, total = {}, 0
  for word in string.gmatch(text:lower(), "%a+") do
    if #word >= config.min_length and not ignored[word] then
      counts[word] = (counts[word] or 0) + 1
      total = total + 1
    end
  end
  return counts, total
end

function M.top(counts, n)
  local words = {}
  for word, count in pairs(counts) do
    table.insert(words, { word = word, count = count })
  end
  table.sort(words, function(a, b)
    if a.count == b.count then return a.word < b.word end
    return a.count > b.count
  end)
  local result = {}
  for i = 1, math.min(n or config.top, #words) do
    result[#result + 1] = words[i]
  end
  return result
end

local Counter = {}
Counter.__index = Counter

function Counter.new(path)
  local self = setmetatable({ path = path, seen = 0 }, Counter)
  return self
end

function Counter:run()
  local file, err = io.open(self.path, "r")
  if not file then
    io.stderr:write("cannot open ", self.path, ": ", err, "\n")
    os.exit(1)
  end
  local text = M.strip_front_matter(file:read("*a"))
  file:close()
  local counts, total = M.count(text)
  for rank, entry in ipairs(M.top(counts)) do
    print(string.format("%2d. %-20s %5d", rank, entry.word, entry.count))
  end
  self.seen = self.seen + total
  return total
end

local ok, result = pcall(function()
  return Counter.new(arg[1] or "post.md"):run()
end)
if not ok then
  print("error: " .. tostring(result))
end

local slug = ("Hello World"):gsub("%s+", "-"):lower()
local raw = [[C:\posts\draft]] .. [==[ still ]] a string ]==]
local mask, big = 0xFF, 2e10
repeat mask = mask // 2 until mask <= 1
return M
