"""Questions and answers per project: votes, an accepted answer, moderation."""
