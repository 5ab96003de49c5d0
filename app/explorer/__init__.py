"""The explorer: server-rendered HTML pages for people browsing the data (SPEC §4)."""
