"""Document writers (PDF with ReportLab, Excel with openpyxl) fed with report objects.

The writers for notulen, daftar hadir and matriks tindak lanjut arrive with the documents
work; this package is their home in the layering of ARCHITECTURE.md.
"""
