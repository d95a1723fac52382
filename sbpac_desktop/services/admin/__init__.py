"""Administration: accounts, backups/restore/check, looking at a database before switching."""
