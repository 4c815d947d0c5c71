"""Pages served in turn: first come, first served, a few at a time; a closed session leaves the queue."""
import threading
import time

import pytest

from ui.admission import Turns


def test_page_runs_are_served_in_the_order_they_came_a_few_at_a_time():
    turns, order, running, peak = Turns(2), [], [0], [0]
    lock = threading.Lock()

    def page(k: int) -> None:
        turns.wait(lambda place: None)
        with lock:
            order.append(k)
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        turns.done()
    threads = []
    for k in range(8):
        threads.append(threading.Thread(target=page, args=(k,)))
        threads[-1].start()
        time.sleep(0.01)  # arrive one after the other
    for t in threads:
        t.join(10)
    assert order == list(range(8)) and peak[0] == 2


def test_a_session_that_closes_while_waiting_leaves_the_queue():
    turns = Turns(1)
    turns.wait(lambda place: None)  # someone is being served

    class Closed(Exception):
        pass

    def closed(place: int) -> None:
        assert place == 1
        raise Closed
    with pytest.raises(Closed):
        turns.wait(closed)
    assert not turns.queue
    turns.done()
    turns.wait(lambda place: None)  # the next one is served at once
    assert turns.running == 1
