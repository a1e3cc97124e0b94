"""The analysis functions whose output the behaviour snapshot records (name → module:function, or (module:function, keyword arguments))."""

ANALYSES = {
    "classify_problems": "rectify_utils.themes:classify_problems",
    "category_crosstab": "rectify_utils.themes:category_crosstab",
    "aspect_titles": "rectify_utils.themes:aspect_titles",
    "completion_table": "rectify_utils.completion:completion_table",
    "status_long": "rectify_utils.completion:status_long",
    "open_problems": "rectify_utils.completion:open_problems",
    "self_audit": "rectify_utils.audit:self_audit",
    "audit_summary": "rectify_utils.audit:audit_summary",
    "fact_spans": "rectify_utils.concreteness:fact_spans",
    "stock_phrases": "rectify_utils.concreteness:stock_phrases",
    "concreteness": "rectify_utils.concreteness:concreteness",
    "money_table": "rectify_utils.concreteness:money_table",
    "documents_table": "rectify_utils.concreteness:documents_table",
    "timeline": "rectify_utils.timeline:timeline",
    "timeline_long": "rectify_utils.timeline:timeline_long",
    "recurring_problems": "rectify_utils.similarity:recurring_problems",
    "term_frequencies": "rectify_utils.terms:term_frequencies",
    "keyness": ("rectify_utils.terms:keyness", {"target": "新野县科协"}),
    "shared_terms": "rectify_utils.terms:shared_terms",
    "cooccurrence": "rectify_utils.terms:cooccurrence",
}
