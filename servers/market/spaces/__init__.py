"""Co-Lab spaces: members from several organisations in roles, invitations, an activity feed,
documents in the object store and decisions anchored on the ledger."""
