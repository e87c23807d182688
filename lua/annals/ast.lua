-- annals.ast: Markdown filters over the cmark tree, in the manner of
-- pandoc's Lua filters.  The core copies each article's tree into plain
-- tables ({ type = "paragraph", children = { ... } }, { type = "text",
-- literal = "..." }), runs walk() with every filter's `markdown` table,
-- and builds a new tree from the result.  docs/themes.md lists the node
-- types and fields.

local M = {}

--- The node types a filter may name (cmark's).
M.TYPES = {
	document = true, block_quote = true, list = true, item = true,
	code_block = true, html_block = true, paragraph = true, heading = true,
	thematic_break = true, text = true, softbreak = true, linebreak = true,
	code = true, html_inline = true, emph = true, strong = true, link = true,
	image = true,
}

local function is_node(v)
	return type(v) == "table" and type(rawget(v, "type")) == "string"
end

-- What a filter function returned, as a list of nodes.
local function results(r, node, what)
	if r == nil then return { node } end
	if r == false then return {} end
	if type(r) ~= "table" then
		error(string.format("%s must return a node, a list of nodes, false or nothing "
			.. "(got %s)", what, type(r)), 0)
	end
	if is_node(r) then return { r } end
	for i, n in ipairs(r) do
		if not is_node(n) then
			error(string.format("%s returned a list whose item %d is not a node "
				.. "(a table with a 'type')", what, i), 0)
		end
	end
	return r
end

-- Filters node's subtree, children first (as pandoc does); returns the
-- list of nodes that replace node.
local function walk(node, filter, depth)
	if depth > 500 then error("the Markdown tree is nested too deeply", 0) end
	local children = rawget(node, "children")
	if type(children) == "table" then
		local out = {}
		for _, c in ipairs(children) do
			if is_node(c) then
				for _, r in ipairs(walk(c, filter, depth + 1)) do out[#out + 1] = r end
			end
		end
		node.children = out
	end
	local f = filter[node.type]
	if f == nil then return { node } end
	return results(f(node), node, "the filter for '" .. node.type .. "'")
end

--- Runs filter (a table of functions by node type) over the document doc;
--- returns the new document.  A function gets the node (its children
--- already filtered) and returns nothing (the node, perhaps changed in
--- place), a node (replaces it), a list of nodes (replace it; {} or false
--- removes it).  The document itself must stay one document node.
function M.walk(doc, filter)
	for k, f in pairs(filter) do
		if not M.TYPES[k] then
			error(string.format("unknown Markdown node type '%s' in the filter", tostring(k)), 0)
		end
		if type(f) ~= "function" then
			error(string.format("the filter for '%s' must be a function (got %s)", k, type(f)), 0)
		end
	end
	local out = walk(doc, filter, 0)
	if #out ~= 1 or out[1].type ~= "document" then
		error("the filter for 'document' must return one document node", 0)
	end
	return out[1]
end

--- The text of a node and its descendants, without markup.
function M.stringify(node)
	local out = {}
	local function go(n)
		if n.type == "softbreak" or n.type == "linebreak" then
			out[#out + 1] = " "
		elseif type(n.literal) == "string" and n.type ~= "html_inline" and n.type ~= "html_block" then
			out[#out + 1] = n.literal
		end
		for _, c in ipairs(n.children or {}) do go(c) end
	end
	go(node)
	return table.concat(out)
end

--- A text node.
function M.text(s)
	return { type = "text", literal = tostring(s) }
end

--- A node of type t with the fields of fields (children, url, ...).
function M.node(t, fields)
	if not M.TYPES[t] then error("unknown Markdown node type '" .. tostring(t) .. "'", 2) end
	local n = { type = t }
	for k, v in pairs(fields or {}) do n[k] = v end
	if n.children == nil and not (t == "text" or t == "code" or t == "code_block"
		or t == "html_block" or t == "html_inline") then
		n.children = {}
	end
	return n
end

return M
