-- Segment queries in neovim (0.7 or later): put this file in
-- ~/.config/nvim/plugin/ (or require it from init.lua).
-- Needs the `segquery` command: `python -m pip install git+<repository URL>`.

local cmd = { 'segquery', 'lsp' }
local root_markers = { 'segquery.toml', 'pyproject.toml', '.git' }

-- The folder holding the nearest marker above the buffer's file, else the file's folder.
local function root_dir(buf)
  if vim.fs and vim.fs.root then -- neovim 0.10
    return vim.fs.root(buf, root_markers)
  end
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':p:h')
  local start = dir
  while true do
    for _, marker in ipairs(root_markers) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return start
    end
    dir = parent
  end
end

-- Before 0.8 (no vim.lsp.start): one client per root, attached to each buffer.
local clients_by_root = {}
local function start_before_0_8(config, buf)
  local id = clients_by_root[config.root_dir]
  if not id or vim.lsp.client_is_stopped(id) then
    id = vim.lsp.start_client(config)
    clients_by_root[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(buf, id)
  end
end

if vim.fn.has('nvim-0.8') == 1 then
  vim.filetype.add({ extension = { segq = 'segquery' } })
else
  vim.api.nvim_create_autocmd({ 'BufNewFile', 'BufRead' }, { pattern = '*.segq', command = 'setfiletype segquery' })
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'segquery',
  callback = function(args)
    vim.bo[args.buf].commentstring = '// %s'
    local config = { name = 'segquery', cmd = cmd, root_dir = root_dir(args.buf) }
    -- The dialect .segq files are read in, over the project's configuration:
    -- `vim.g.segquery_dialect = 'realtime'` (or 'outbound', 'auto') in init.lua.
    if vim.g.segquery_dialect then
      config.init_options = { dialect = vim.g.segquery_dialect }
    end
    if vim.lsp.start then
      vim.lsp.start(config)
    else
      start_before_0_8(config, args.buf)
    end
  end,
})
