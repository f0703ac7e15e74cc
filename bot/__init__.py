"""Parley: follows a negotiation in the news and keeps a Discord team up to date."""
