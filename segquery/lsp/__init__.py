"""Language server for segquery."""
