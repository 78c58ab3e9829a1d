"""The reading pages: plain templates, no JavaScript needed, a constant number of queries."""
