"""The delivery soak of issue 13, full size: exactly once without Discord's help.

Two `parley run` processes on one PostgreSQL database deliver 180 outbox rows (three channels)
to the loopback Discord in a mode that ignores nonces and takes 7 s a post (the message appears
half-way through). Meanwhile one of the two, chosen at random, gets kill -9 at random moments
and is started again. At the end every row is looked for in Discord by its title:

- duplicates: messages beyond the first showing one row (must be 0);
- lost: rows not delivered, or whose recorded message is not the one in the channel (must be 0).

It also prints how many POSTs Discord received, how many earlier posts were adopted (found in
the channel and recorded instead of posted again), and the wall time. It is a correctness run,
not a speed benchmark; at the defaults it takes about a quarter of an hour.

    .venv/bin/python bench/delivery_soak.py [--rows 180] [--delay 7] [--lease 60] [--kills 8]
        [--gap 20 120] [--seed N] [--postgres postgresql://root@127.0.0.1:5432/test]

Exit status 0 when there were 0 duplicates and 0 losses, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import secrets
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import asyncpg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from storage import Store  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from tests.e2e.soak import soak  # noqa: E402
from tests.fakediscord import FakeDiscord  # noqa: E402


async def _admin(url: str, statement: str) -> None:
    conn = await asyncpg.connect(make_url(url).set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


async def main(args: argparse.Namespace) -> int:
    args.seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    name = f"parley_soak_{secrets.token_hex(4)}"
    await _admin(args.postgres, f'CREATE DATABASE "{name}"')
    url = make_url(args.postgres).set(database=name).render_as_string(hide_password=False)
    try:
        await asyncio.to_thread(upgrade, url)
        with tempfile.TemporaryDirectory() as tmp:
            async with Store(url) as store, FakeDiscord(honour_nonces=False, post_delay=args.delay) as fake:
                print(f"soak: {args.rows} rows, {args.delay} s a post, nonces ignored, {args.lease} s leases, "
                      f"{args.kills} kills every {args.gap[0]:.0f}-{args.gap[1]:.0f} s, seed {args.seed}",
                      file=sys.stderr)
                result = await soak(fake, store, Path(tmp), rows=args.rows, lease_seconds=args.lease,
                                    kills=args.kills, kill_gap=(args.gap[0], args.gap[1]), seed=args.seed,
                                    deadline=args.deadline, report=True)
    finally:
        await _admin(args.postgres, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print(f"rows {result.rows}  delivered {result.delivered}  duplicates {result.duplicates}  "
          f"lost {len(result.lost)}  kills {result.kills}  POSTs {result.posts}  adopted {result.adoptions}  "
          f"wall {result.seconds:.0f} s")
    if result.lost:
        print(f"lost: {', '.join(result.lost[:20])}")
    return 0 if result.duplicates == 0 and not result.lost else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=180)
    parser.add_argument("--delay", type=float, default=7.0, help="seconds Discord takes per post")
    parser.add_argument("--lease", type=int, default=60, help="DELIVERY_LEASE_SECONDS of the two bots")
    parser.add_argument("--kills", type=int, default=8)
    parser.add_argument("--gap", type=float, nargs=2, default=(20.0, 120.0), help="seconds between kills")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--deadline", type=float, default=7200.0, help="give up after this many seconds")
    parser.add_argument("--postgres", default="postgresql://root@127.0.0.1:5432/test")
    sys.exit(asyncio.run(main(parser.parse_args())))
