# Parley in a container: `parley run`, settings from the environment (see compose.yaml).
# Not built on the machines Parley is developed on (no container engine there); the settings it
# uses are checked by tests/test_deploy.py.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# The locked dependencies first: this layer is reused until requirements.lock changes.
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY cogs ./cogs
COPY storage ./storage
COPY seeds ./seeds
RUN pip install --no-cache-dir --no-deps . \
    && useradd --system --home-dir /app parley
USER parley

# SIGTERM (docker stop) lets Parley finish the delivery in flight; give it the time to.
STOPSIGNAL SIGTERM
# `parley run` applies the database migrations itself before logging in.
CMD ["parley", "run"]
