"""Pengaturan: language, letterhead and page setup, the classification lists, time zones."""
