"""A commitment's own window: its follow-up log, evidence, status history and requests."""
