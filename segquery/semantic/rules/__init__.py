"""One module per validation rule; `segquery.semantic.specified_rules` lists the default set."""
