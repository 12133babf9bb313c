"""Source credibility: records for domains and URL prefixes, and CheckSource's URL normalisation."""
