"""Transfer processes: pulling an agreed dataset's distribution, checked against the policy each time."""
