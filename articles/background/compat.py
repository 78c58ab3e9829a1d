"""The tasks API: Django's own ``django.tasks`` from Django 6, the django-tasks backport before.

Import ``task`` and friends from here, so that moving to Django 6 changes nothing else.
"""

try:
    from django.tasks import TaskResultStatus, task
except ImportError:  # Django 5.2
    from django_tasks import TaskResultStatus, task

__all__ = ["TaskResultStatus", "task"]
