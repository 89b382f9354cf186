"""PDF documents with ReportLab platypus: letterhead, embedded fonts, numbered pages."""
