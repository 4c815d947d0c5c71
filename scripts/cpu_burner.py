"""Keep every core busy for a bounded time (the stress check for the browser tests): N spinning processes that stop
after --seconds, or as soon as the process that started them is gone."""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import time


def spin(deadline: float, parent: int) -> None:
    """Busy arithmetic until the deadline or until `parent` exits."""
    x = 0
    while time.time() < deadline:
        for _ in range(200_000):
            x = (x * 31 + 7) % 1_000_003
        if parent and not _alive(parent):
            return


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="spinning processes (default: one per core)")
    p.add_argument("--seconds", type=float, default=1800, help="stop after this long at the latest")
    p.add_argument("--parent", type=int, default=os.getppid(), help="stop when this process exits")
    args = p.parse_args()
    deadline = time.time() + args.seconds
    procs = [mp.Process(target=spin, args=(deadline, args.parent), daemon=True) for _ in range(max(1, args.workers))]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join()


if __name__ == "__main__":
    main()
