"""Tracking an issued plan: progress reports, reviews, deadline lights and statistics.

The plan is the issued baseline; reports are what units say (`reports/`), reviews what
the supervising office decides (`reviews/`); lights, lateness and rates are computed from
them for any date and never stored.
"""
