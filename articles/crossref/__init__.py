"""Cross-referencing claims: suggested links, count clusters and reconciled numbers.

The pure parts (``facts``, ``counts``, ``keys``, ``score``, ``reconcile``) know nothing of the
database; ``suggest``, ``clusters`` and ``decisions`` read and write it.
"""
