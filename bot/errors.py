"""The one error type the CLI and the bot show to users as a single line.

Anything raised as (a subclass of) `UserError` is the user's input or environment at fault:
`parley` prints ``parley: <message>`` on stderr and exits 2; the bot answers ephemerally.
"""


class UserError(Exception):
    """A mistake in input, configuration or environment, explained in one line."""
