"""The WSGI environ a request reaches Django with (common/wsgi_guard.py), and the settings of
``vroeghulp server`` (common/server.py): refused with a Dutch message that names the setting."""

import pytest

from vroeghulp.common import server
from vroeghulp.common.wsgi_guard import guard


def _seen(monkeypatch, environ: dict, proxies=("127.0.0.1",)) -> dict:
    monkeypatch.setenv("DATABASE_URL", "postgres://vroeghulp:geheim@db/vroeghulp")
    monkeypatch.setenv("VROEGHULP_SECRET_KEY", "sleutel")
    seen = {}

    def app(env, start_response):
        seen.update(env)
        return [b""]

    guarded = guard(app, proxies=proxies)  # reads the process environment now, as a worker does
    import os

    request = dict(os.environ) | environ  # what granian hands over: the environment, then the request
    guarded(request, lambda *a: None)
    return seen


REQUEST = {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1",
           "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1", "HTTP_HOST": "127.0.0.1",
           "wsgi.url_scheme": "http"}


def test_the_process_environment_does_not_reach_request_meta(monkeypatch):
    seen = _seen(monkeypatch, REQUEST | {"REMOTE_ADDR": "127.0.0.1"})
    assert "DATABASE_URL" not in seen and "VROEGHULP_SECRET_KEY" not in seen and "PATH" not in seen
    assert {k: seen[k] for k in REQUEST} == REQUEST  # the request itself is untouched


def test_only_the_proxy_may_say_the_request_came_over_https(monkeypatch):
    headers = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_X_FORWARDED_FOR": "1.2.3.4", "HTTP_FORWARDED": "proto=https"}
    from_proxy = _seen(monkeypatch, REQUEST | headers | {"REMOTE_ADDR": "127.0.0.1"})
    assert from_proxy["HTTP_X_FORWARDED_PROTO"] == "https" and from_proxy["HTTP_FORWARDED"] == "proto=https"
    from_elsewhere = _seen(monkeypatch, REQUEST | headers | {"REMOTE_ADDR": "10.1.2.3"})
    assert not set(headers) & set(from_elsewhere)
    assert from_elsewhere["HTTP_HOST"] == "127.0.0.1"


def test_the_trusted_proxies_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("VROEGHULP_FORWARDED_ALLOW_IPS", " 10.0.0.5 , 10.0.0.6")
    from vroeghulp.common.wsgi_guard import trusted_proxies

    assert trusted_proxies() == {"10.0.0.5", "10.0.0.6"}
    monkeypatch.delenv("VROEGHULP_FORWARDED_ALLOW_IPS")
    assert trusted_proxies() == {"127.0.0.1", "::1"}


def test_server_settings_from_the_environment_and_the_options(monkeypatch):
    for name in ("VROEGHULP_BIND", "VROEGHULP_WORKERS", "VROEGHULP_THREADS", "VROEGHULP_LOGLEVEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    default = server.instellingen([])
    # 2 x 2 cores + 1 = 5 processes of one thread each, on the loopback address
    assert (default.host, default.port, default.uds, default.workers, default.threads) == ("127.0.0.1", 8000, None, 5, 1)
    monkeypatch.setenv("VROEGHULP_BIND", "[::1]:8443")
    monkeypatch.setenv("VROEGHULP_WORKERS", "3")
    chosen = server.instellingen(["--threads", "2"])
    assert (chosen.host, chosen.port, chosen.workers, chosen.threads) == ("::1", 8443, 3, 2)
    assert server.instellingen(["--bind", "unix:/run/vroeghulp.sock"]).uds.as_posix() == "/run/vroeghulp.sock"


@pytest.mark.parametrize(("name", "value", "message"), [
    ("VROEGHULP_BIND", "localhost", "VROEGHULP_BIND: 'localhost' is geen adres"),
    ("VROEGHULP_BIND", "127.0.0.1:70000", "VROEGHULP_BIND: '127.0.0.1:70000' is geen adres"),
    ("VROEGHULP_BIND", "127.0.0.1:8000,127.0.0.1:8001", "VROEGHULP_BIND: één adres"),
    ("VROEGHULP_WORKERS", "veel", "VROEGHULP_WORKERS en VROEGHULP_THREADS: gebruik een heel getal"),
    ("VROEGHULP_THREADS", "0", "minstens 1"),
    ("VROEGHULP_LOGLEVEL", "luid", "VROEGHULP_LOGLEVEL: kies uit"),
])
def test_a_bad_server_setting_is_refused_with_its_name(monkeypatch, capsys, name, value, message):
    monkeypatch.setenv(name, value)
    assert server.main([]) == 2
    assert message in capsys.readouterr().err
