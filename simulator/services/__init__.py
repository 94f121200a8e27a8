"""Services: what the app and the command line do with packs, sessions and the journal."""
