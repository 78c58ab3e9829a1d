"""Background ingest: files uploaded in the admin or dropped in a folder are ingested by a task
worker (``manage.py db_worker``), never inside a web request.

``runs`` starts runs and is what the task executes, ``tasks`` is the task itself, ``inbox``
keeps uploaded files, ``progress`` writes a run's counts as its files go through.
"""
