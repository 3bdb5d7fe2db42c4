-- Drives the HTTP Status Hints server from Neovim's own LSP client (vim.lsp.start_client, which
-- Neovim 0.7 already has) and prints what it got as one JSON line per request.
-- Usage: nvim --headless -u NONE -c "luafile drive.lua" -- SERVER FILE LINE COL [COMPLETE_LINE COMPLETE_COL]
local args = vim.v.argv
local rest = {}
local seen = false
for _, a in ipairs(args) do
  if seen then table.insert(rest, a) end
  if a == '--' then seen = true end
end
local server, file, line, col = rest[1], rest[2], tonumber(rest[3]), tonumber(rest[4])
local cline, ccol = tonumber(rest[5] or ''), tonumber(rest[6] or '')

local function out(kind, value)
  io.stdout:write(vim.fn.json_encode({ kind = kind, value = value }) .. '\n')
end

local function finish(code)
  io.stdout:flush()
  vim.cmd((code == 0) and 'qa!' or ('cq! ' .. code))
end

vim.cmd('filetype on')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'http-status-hints',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  init_options = { settings = { hover = { format = 'compact' } } },
})
if not client_id then
  out('error', 'start_client failed')
  finish(3)
  return
end
vim.lsp.buf_attach_client(bufnr, client_id)
local client = vim.lsp.get_client_by_id(client_id)
local ok = vim.wait(15000, function() return client and client.initialized end, 50)
if not ok then
  out('error', 'server did not initialize')
  finish(4)
  return
end
out('initialized', true)

local uri = vim.uri_from_bufnr(bufnr)
local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
  textDocument = { uri = uri },
  position = { line = line, character = col },
}, 10000)
local hover_value = vim.NIL
for _, r in pairs(hover or {}) do
  if r.result and r.result.contents then hover_value = r.result.contents.value or r.result.contents end
end
out('hover', hover_value)

if cline then
  local comp = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', {
    textDocument = { uri = uri },
    position = { line = cline, character = ccol },
  }, 10000)
  local labels = {}
  for _, r in pairs(comp or {}) do
    local items = r.result and (r.result.items or r.result) or {}
    for _, it in ipairs(items) do table.insert(labels, it.label) end
  end
  out('completion', labels)
end

-- Diagnostics are pushed (Neovim 0.7 does not pull); wait for them.
vim.wait(5000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
local diags = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(diags, { line = d.lnum, col = d.col, message = d.message, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or vim.NIL, source = d.source })
end
out('diagnostics', diags)
vim.lsp.stop_client(client_id)
finish(0)
