-- Segment queries in neovim (0.10 or later): put this file in
-- ~/.config/nvim/plugin/ (or require it from init.lua).
-- Needs `pip install 'segquery[lsp]'`.

vim.filetype.add({ extension = { segq = 'segquery' } })

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'segquery',
  callback = function(args)
    vim.bo[args.buf].commentstring = '// %s'
    vim.lsp.start({
      name = 'segquery',
      cmd = { 'segquery', 'lsp' },
      root_dir = vim.fs.root(args.buf, { 'segquery.toml', 'pyproject.toml', '.git' }),
    })
  end,
})
