#!/bin/sh
# Extraction vs feedparser in instructions executed, per entry: a figure that the machine's load
# does not move (bench/extract.py's timings do, by 10-20%). Each side is counted by valgrind as
# the difference between K passes over the entries and none, so start-up and warm-up cancel out.
#
#   bench/extract_instructions.sh [FEED] [K]      (default: the seed feed, K = 4; about 2 minutes)
set -eu
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
FEED=${1:-}
K=${2:-4}
count() {  # instructions of a run of bench/extract.py --only $1 --repeat $2
    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$PYTHON" bench/extract.py $FEED --only "$1" --repeat "$2" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
entries=$("$PYTHON" -c "
import sys; from pathlib import Path; sys.path.insert(0, '.')
from bot.feeds.parse import parse_feed; from bot.feeds.seedfeed import seed_feed_xml
data = Path('$FEED').read_bytes() if '$FEED' else seed_feed_xml(Path('seeds')).encode()
print(len(parse_feed(data).entries))")
base=$(count extract 0)
extract=$(count extract "$K")
parse=$(count parse "$K")
"$PYTHON" -c "
e = ($extract - $base) / ($K * $entries); p = ($parse - $base) / ($K * $entries)
print(f'extraction: {e / 1e6:.2f} M instructions per entry')
print(f'feedparser: {p / 1e6:.2f} M instructions per entry')
print(f'ratio extraction/parsing: {e / p:.3f} (target <= 1.0)')"
