"""Feeds: turning feed bytes into entries, fetching them politely, polling on a schedule."""
