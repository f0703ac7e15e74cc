"""discord.py extensions, one per area of commands, loaded automatically by `bot.discord_app`.

Cogs parse an interaction, call the query layer in `bot/`, and render its `Answer` as embeds
(`bot.embeds`). They hold no SQL and no business rules. Modules starting with ``_`` are helpers.
"""
