"""Data files of the program: translations, fonts, icons, letterhead defaults."""
