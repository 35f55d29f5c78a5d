"""What `planctl validate` checks in tracking data: reports, reviews and the calendar.

`rules` names the checks (listed by `planctl rules`); `files` checks one file alone,
`repository` checks the reports and reviews against their plans and each other.
"""
