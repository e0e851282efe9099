"""Run the govkg command line in this process and report its peak memory (resource.getrusage).

    python -m tests.reliability.peak_rss RSS_FILE extract FOLDER ...

writes the peak resident set size in bytes into RSS_FILE and exits with govkg's exit code.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path


def main() -> int:
    out, args = Path(sys.argv[1]), sys.argv[2:]
    from govkg.cli import main as govkg

    try:
        rc = govkg(args)
    finally:
        peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        out.write_text(str(peak_kib * 1024))
    return rc


if __name__ == "__main__":
    sys.exit(main())
