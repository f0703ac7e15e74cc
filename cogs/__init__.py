"""discord.py extensions, one per area of commands, loaded automatically by `bot.chat.client`.

Cogs parse an interaction, call the query layer in `bot/`, and render its `Answer` as embeds
(`bot.chat.embeds`). They hold no SQL and no business rules. Modules starting with ``_`` are helpers.
"""
