-- Opens $SEGQUERY_FILE in headless neovim (with the set-up loaded), waits until
-- the language server has attached and published diagnostics, and writes what
-- neovim holds as JSON to $SEGQUERY_RESULT; then quits.

local function clients_of(buf)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = buf })
  end
  return vim.tbl_values(vim.lsp.buf_get_clients(buf))
end

local function lsp_code(item)
  return item.code or (item.user_data and item.user_data.lsp and item.user_data.lsp.code)
end

vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.SEGQUERY_FILE))
local buf = vim.api.nvim_get_current_buf()
local arrived = vim.wait(60000, function()
  return #vim.diagnostic.get(buf) > 0
end, 20)

local result = {
  arrived = arrived,
  filetype = vim.bo[buf].filetype,
  commentstring = vim.bo[buf].commentstring,
  clients = {},
  diagnostics = {},
}
for _, client in ipairs(clients_of(buf)) do
  table.insert(result.clients, { name = client.name, root_dir = client.config.root_dir })
end
for _, item in ipairs(vim.diagnostic.get(buf)) do
  table.insert(result.diagnostics, {
    code = lsp_code(item),
    severity = item.severity,
    range = { item.lnum, item.col, item.end_lnum, item.end_col },
    message = item.message,
  })
end
vim.fn.writefile({ vim.fn.json_encode(result) }, vim.env.SEGQUERY_RESULT)
vim.cmd('qall!')
