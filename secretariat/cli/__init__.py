"""The `secretariat` command and the program's start: the top of the house.

Only this package and `ui/` may import the document writers (`exports/`) and the screens
(`ui/`): the rest of the core stays free of them (tests/test_layering.py checks it). `main`
parses the command line, `app_session` runs one program session (lock, backups, window),
`listing`, `export` and `imports` are the sub-commands of those names.
"""
