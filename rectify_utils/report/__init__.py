"""Stage 4, notebooks → reports: build config, input hashing, execution, HTML and the index."""
