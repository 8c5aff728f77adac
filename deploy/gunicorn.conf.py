"""gunicorn settings of the portal in production: `gunicorn -c deploy/gunicorn.conf.py xhht.wsgi:application`.

Every value can be overridden from the environment (``/etc/xhht.env``) without editing this file.
"""

import multiprocessing
import os

# nginx is the only client; the port is never opened to the network.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Sync workers: the views are short database work; 2 per core plus one keeps the CPUs busy while one waits on
# PostgreSQL. Memory: about 120 MB a worker.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Excel and PDF exports of a whole province take seconds, not minutes; 120 s leaves a wide margin and still ends
# a stuck worker. nginx's proxy_read_timeout matches it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 120))
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (with jitter, so they do not all restart at once): bounds any
# slow growth of memory.
max_requests = 1000
max_requests_jitter = 100
# The heartbeat file on tmpfs: a worker is never killed because a slow disk delayed it.
worker_tmp_dir = "/dev/shm"
# Only nginx on this host may set X-Forwarded-*.
forwarded_allow_ips = "127.0.0.1"
# Logs go to the journal (systemd captures standard output and error).
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The client's address as nginx saw it (X-Real-IP), not nginx's own.
access_log_format = '%({x-real-ip}i)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
proc_name = "xhht"
# gunicorn 25+ opens a control socket in the user's home, which the unit makes read-only (ProtectHome); systemd
# already controls the process. Older versions ignore this setting.
control_socket_disable = True
