"""The load test: logged-in readers browsing the reading pages under gunicorn while an ingest
of new articles runs, then integrity checks of what the ingest stored.

    python -m benchmarks.load.run [--users 50] [--seconds 60] [--ingest-articles 1000]
        [--preload 2000] [--workers 4]

``run`` orchestrates (a throwaway PostgreSQL server, gunicorn, locust and the ingest as child
processes, see ``processes``), ``corpus`` splits a generated corpus into the preload and the
new articles, ``locustfile`` is the reader, ``steps`` the parts that run inside Django (reader
accounts, the ids to browse, the integrity counts), ``stats`` turns the recorded requests and
gunicorn's access log into figures and ``report`` into the checks and the markdown table.
"""
