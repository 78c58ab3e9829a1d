from articles.admin.highlight import Mark, highlight, in_context


def test_article_text_is_escaped_and_marks_link_where_they_belong():
    text = "A <script>x()</script> zei: NAVO <img onerror=alert(1)> klopt."
    claim = Mark(0, len(text), "/claim/1/", 'Reuters "x" · unreviewed', "claim")
    navo = text.index("NAVO")
    mention = Mark(navo, navo + 4, "/actor/7/", "NAVO (organisation)", "mention")
    html = str(highlight(text, [claim, mention]))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "&lt;img onerror=alert(1)&gt;" in html
    assert '<a href="/actor/7/" title="NAVO (organisation)">NAVO</a>' in html
    assert html.count('<mark class="claim" title="Reuters &quot;x&quot; · unreviewed">') == 3
    assert html.count('href="/claim/1/"') == 2, "the claim's own pieces link to the claim"


def test_text_outside_marks_is_kept_whole_and_overlaps_are_split():
    text = "Een twee drie vier."
    first, second = Mark(0, 9, "/c/1/", "a", "claim"), Mark(4, 13, "/c/2/", "b", "claim")
    html = str(highlight(text, [first, second]))
    assert html.endswith(" vier.")
    assert html.count("<mark") == 3  # "Een ", "twee", " drie"


def test_context_is_escaped():
    assert str(in_context("<b>", "zin", "&")) == "…&lt;b&gt;<mark>zin</mark>&amp;…"
