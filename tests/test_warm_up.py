"""The start-up warm-up finds the server the start script's options describe."""
from ui.warm_up import base_url, warm


def test_the_warm_up_reaches_the_port_and_address_the_server_was_started_with():
    assert base_url([]) == "http://127.0.0.1:8501"
    assert base_url(["--server.port", "8600"]) == "http://127.0.0.1:8600"
    assert base_url(["--server.port=8601", "--server.address", "0.0.0.0"]) == "http://127.0.0.1:8601"
    assert base_url(["--server.address=192.168.1.20"]) == "http://192.168.1.20:8501"
    assert base_url(["--server.address", "::1", "--server.port", "9000"]) == "http://[::1]:9000"


def test_no_server_means_no_warm_up_and_no_hang():
    assert warm("http://127.0.0.1:9", start_seconds=1) is False
