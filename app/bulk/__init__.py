"""Whole tables as files for data teams (GET /exports): CSV and NDJSON streamed from the
database, Parquet and one SQLite snapshot of the dataset built once per dataset version."""
