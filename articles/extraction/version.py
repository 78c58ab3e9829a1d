# Bump when extraction changes what it finds: re-ingest then re-derives unchanged articles.
VERSION = "1"
