"""Excel workbooks (openpyxl, write-only) that print well and never run a formula."""
