-- annals.json: JSON text from Lua values, for data files a theme writes
-- (the search index).  Strings are assumed UTF-8 and written as they are,
-- except quotes, backslashes, control characters and "<", which is written
-- \u003c so that the text is also safe inside a <script> element.  A table
-- with a [1] (or empty and marked with json.array) is an array, any other
-- table an object with its keys sorted, so that the output is the same
-- from build to build.

local M = {}

local fmt, concat = string.format, table.concat

local ARRAY = setmetatable({}, { __mode = "k" })

--- Marks t as a JSON array (for empty lists); returns t.
function M.array(t)
	ARRAY[t] = true
	return t
end

local ESCAPES = { ['"'] = '\\"', ["\\"] = "\\\\", ["\n"] = "\\n", ["\r"] = "\\r",
	["\t"] = "\\t", ["<"] = "\\u003c" }

-- In C when annals provides it (one pass; the search index writes every
-- quoted sentence through here), else the same in patterns.
local string_literal = annals and annals.json_string or function(s)
	return '"' .. s:gsub('[%c"\\<]', function(c)
		return ESCAPES[c] or fmt("\\u%04x", c:byte())
	end) .. '"'
end

local encode

local function encode_table(t, depth)
	if depth > 64 then error("json: nesting too deep (a cycle?)", 0) end
	local out = {}
	if t[1] ~= nil or ARRAY[t] then
		for i = 1, #t do out[i] = encode(t[i], depth + 1) end
		return "[" .. concat(out, ",") .. "]"
	end
	local keys = {}
	for k in pairs(t) do
		if type(k) ~= "string" then error("json: object key is a " .. type(k), 0) end
		keys[#keys + 1] = k
	end
	table.sort(keys)
	for i, k in ipairs(keys) do out[i] = string_literal(k) .. ":" .. encode(t[k], depth + 1) end
	return "{" .. concat(out, ",") .. "}"
end

encode = function(v, depth)
	local tv = type(v)
	if tv == "string" then return string_literal(v)
	elseif tv == "number" then
		if v ~= v or v == math.huge or v == -math.huge then error("json: not a finite number", 0) end
		if math.type(v) == "integer" then return tostring(v) end
		return fmt("%.14g", v)
	elseif tv == "boolean" then return tostring(v)
	elseif tv == "nil" then return "null"
	elseif tv == "table" then return encode_table(v, depth)
	end
	error("json: cannot encode a " .. tv, 0)
end

--- The JSON text of v.
function M.encode(v)
	return encode(v, 0)
end

return M
