"""ClaimFacts and Candidate cross between processes by pickle, whole."""

import pickle
from decimal import Decimal

from articles.crossref.score import Candidate, Relation

from .helpers import facts


def test_claim_facts_survive_a_pickle_round_trip_field_for_field() -> None:
    original = facts(
        hedged=True,
        source_id=4,
        source_key="actor:sohr",
        source_name="SOHR",
        via_key="actor:anp",
        outlet="NOS",
        about={7, 9},
        about_names=((7, "Turkije"), (9, "Syrië")),
        value=Decimal(34),
        minimum=Decimal(30),
        maximum=Decimal(40),
        qualifier="approximately",
        what="Turkse doden",
        count_key="turks|dood",
        cluster_id=12,
    )
    copy = pickle.loads(pickle.dumps(original))
    assert copy == original
    assert copy.about == frozenset({7, 9})
    assert copy.month_index == original.month_index


def test_a_candidate_keeps_its_relation_and_reasons_through_a_pickle() -> None:
    reasons = [{"code": "same_count", "figures": ["22", "34"]}, {"code": "same_month"}]
    original = Candidate(1, 2, Relation.CONFLICTS, 0.72, reasons)
    copy = pickle.loads(pickle.dumps(original))
    assert copy == original
    assert copy.relation == Relation.CONFLICTS
    assert copy.reasons == reasons
