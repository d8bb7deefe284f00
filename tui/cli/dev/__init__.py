"""Developer tools of the command line: `haicap synth` (synthetic stores), `haicap stress`
(concurrent writers) and `haicap bench` (whole-command timings, in `benchmarks/`).
"""
