"""What an operator watches: the logs of every command (`bot.ops.logs`) and the metrics of `parley run` (`bot.ops.metrics`)."""
