"""What `planctl validate` checks in tracking data: reports, reviews and the calendar.

The rules are named in `planctl.rules.tracking` (listed by `planctl rules`); `files` checks
one file alone,
`repository` checks the reports and reviews against their plans and each other.
"""
