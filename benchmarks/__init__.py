"""Tools for measuring quotecat, not needed to run it: the benchmark (``./scripts/bench``), the synthetic
corpus it and the scale tests read, the load test (``./scripts/loadtest``), and the helper that
starts ``quotecat serve`` on a free port for them and for the tests."""
