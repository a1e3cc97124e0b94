"""The analysis functions whose output the behaviour snapshot records (name → module:function, or (module:function, keyword arguments))."""

ANALYSES = {
    "classify_problems": "rectify_utils.analysis.themes:classify_problems",
    "category_crosstab": "rectify_utils.analysis.themes:category_crosstab",
    "aspect_titles": "rectify_utils.analysis.themes:aspect_titles",
    "completion_table": "rectify_utils.analysis.completion:completion_table",
    "status_long": "rectify_utils.analysis.completion:status_long",
    "open_problems": "rectify_utils.analysis.completion:open_problems",
    "self_audit": "rectify_utils.analysis.audit:self_audit",
    "audit_summary": "rectify_utils.analysis.audit:audit_summary",
    "fact_spans": "rectify_utils.analysis.concreteness:fact_spans",
    "stock_phrases": "rectify_utils.analysis.concreteness:stock_phrases",
    "concreteness": "rectify_utils.analysis.concreteness:concreteness",
    "money_table": "rectify_utils.analysis.concreteness:money_table",
    "documents_table": "rectify_utils.analysis.concreteness:documents_table",
    "timeline": "rectify_utils.analysis.timeline:timeline",
    "timeline_long": "rectify_utils.analysis.timeline:timeline_long",
    "recurring_problems": "rectify_utils.analysis.similarity:recurring_problems",
    "term_frequencies": "rectify_utils.analysis.terms:term_frequencies",
    "keyness": ("rectify_utils.analysis.terms:keyness", {"target": "新野县科协"}),
    "shared_terms": "rectify_utils.analysis.terms:shared_terms",
    "cooccurrence": "rectify_utils.analysis.terms:cooccurrence",
}
