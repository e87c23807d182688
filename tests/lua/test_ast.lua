-- tests/lua/test_ast.lua: the Markdown filter walker (lua/annals/ast.lua)
-- on hand-made trees: replace a node, remove one, a list in place of one,
-- nested nodes filtered children first, and the errors for bad results.

local ast = require("annals.ast")

local function eq(got, want, what)
	if got ~= want then
		error(string.format("%s: got %q, want %q", what or "value", tostring(got), tostring(want)), 2)
	end
end

local function doc()
	return ast.node("document", { children = {
		ast.node("paragraph", { children = {
			ast.text("Hello "),
			ast.node("emph", { children = {
				ast.node("link", { url = "https://x.example", children = { ast.text("world") } }),
			} }),
			ast.text("!"),
		} }),
		ast.node("paragraph", { children = { ast.text("DROP me") } }),
		ast.node("heading", { level = 2, children = { ast.text("Title") } }),
	} })
end

-- nothing to do: the same tree
local d = ast.walk(doc(), {})
eq(#d.children, 3, "no filter")
eq(ast.stringify(d), "Hello world!DROP meTitle", "stringify")

-- replace, remove, splice, nested (children first: the link is unwrapped
-- before emph sees its children)
local seen_emph_children
d = ast.walk(doc(), {
	link = function(n) return n.children end,
	emph = function(n)
		seen_emph_children = n.children[1].type
		return ast.node("strong", { children = n.children })
	end,
	paragraph = function(n) if ast.stringify(n):find("^DROP") then return false end end,
	heading = function(n) n.level = 3 end,
})
eq(seen_emph_children, "text", "children filtered first")
eq(#d.children, 2, "paragraph removed")
eq(d.children[1].children[2].type, "strong", "emph replaced")
eq(d.children[1].children[2].children[1].literal, "world", "link unwrapped")
eq(d.children[2].level, 3, "changed in place")

-- a list of nodes in place of one; {} removes
d = ast.walk(doc(), {
	text = function(n)
		if n.literal == "!" then return { ast.text("?"), ast.node("linebreak"), ast.text("!") } end
		if n.literal == "Title" then return {} end
	end,
})
eq(#d.children[1].children, 5, "spliced")
eq(#d.children[3].children, 0, "text removed")

-- the document filter may replace the whole document
d = ast.walk(doc(), { document = function(n) return ast.node("document", { children = {} }) end })
eq(#d.children, 0, "document replaced")

-- errors
local function fails(filter, needle)
	local ok, err = pcall(ast.walk, doc(), filter)
	assert(not ok, "expected an error with " .. needle)
	assert(tostring(err):find(needle, 1, true), "got: " .. tostring(err))
end
fails({ text = function() return 42 end }, "must return a node, a list of nodes, false or nothing (got number)")
fails({ text = function() return { 1 } end }, "item 1 is not a node")
fails({ document = function() return false end }, "must return one document node")
fails({ paragrph = function() end }, "unknown Markdown node type 'paragrph'")
fails({ text = "x" }, "must be a function")
assert(not pcall(ast.node, "nope"), "ast.node checks the type")

return true
