"""Learning from officers' decisions: proposals an agency reviews before anything changes.

    decisions   what the officers decided and added, read from cases (texts stay local)
    thresholds  per-category thresholds the decisions imply
    lexicon_edits  terms mostly rejected; phrases of confirmed moments no lexicon holds
    retrain     the ONNX text classifier refit on the corpus plus the decided texts
    versions    installed text model versions, the active one, rollback
    proposals   all of the above as one JSON-able report
    apply       writing accepted proposals (settings, agency lexicon folder, model), audited
    cli         `reviewer learn`

Nothing under this package changes anything unless `apply` is called.
"""
