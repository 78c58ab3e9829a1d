"""Tests of the JSON-LD exports (schema.org ClaimReview, W3C Web Annotation)."""

import pytest

# The module marks of an export test.
MARKS = [pytest.mark.django_db]
