"""Where the data lives and how it is kept safe.

`database` opens a database and brings its schema up to date; `paths` the per-user data
folder; `instance_lock` one writer per SQLite file; `network_paths` refuses shared folders;
`sqlite_copies` the verified copies and their rotation; `backup_restore` the backup and
restore commands; `portable_export` the whole database as JSON Lines; `driver_errors` the
driver's failures in words; `check` the health check.
"""
