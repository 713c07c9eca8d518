"""gunicorn settings of the production server (``vroeghulp server``; README "In productie").

Everything comes from the environment, like the Django settings. gthread workers: a long request
(an upload of a large signal file) runs in a thread while the worker keeps reporting to the
master, so it is not killed after ``timeout``; the threads also keep connections of a proxy or a
partner system alive between requests.
"""

import os
from pathlib import Path

from vroeghulp.common.env import env, env_int
from vroeghulp.common.logging import install
from vroeghulp.common.server import ScrubbingLogger

install()  # the master's own log records are scrubbed too

wsgi_app = "vroeghulp.wsgi:application"
proc_name = "vroeghulp"
bind = [adres.strip() for adres in env("VROEGHULP_BIND", "127.0.0.1:8000").split(",") if adres.strip()]
workers = env_int("VROEGHULP_WORKERS", min(2 * (os.cpu_count() or 1) + 1, 8))
worker_class = "gthread"
threads = env_int("VROEGHULP_THREADS", 4)
timeout = env_int("VROEGHULP_TIMEOUT", 120)
graceful_timeout = 30
keepalive = 5
# Only the https proxy may say which scheme and client address a request had.
forwarded_allow_ips = env("VROEGHULP_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No runtime control socket: nothing to manage it with, and two servers on one host would share it.
control_socket_disable = True
if Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"  # the workers' heartbeat file; a disk-backed /tmp can stall it

logger_class = ScrubbingLogger
accesslog = "-"
errorlog = "-"
loglevel = env("VROEGHULP_LOGLEVEL", "WARNING").lower()
# Client, time, request line (path masked by the logger), status, bytes, duration in ms.
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms'
