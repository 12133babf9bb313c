"""The review queue: incoming claims the AI could not match with confidence, decided by people."""
