"""Interventions: the schema (one home), validation and the road-works clash rules."""
