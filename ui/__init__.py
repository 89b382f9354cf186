"""The PySide6 desktop interface over the `secretariat` core."""
