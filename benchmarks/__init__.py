"""Benchmarks of newsdb: synthetic corpora and the tools that time the ingest."""
