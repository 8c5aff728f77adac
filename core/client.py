"""The address of the person behind a request, as the login throttling (django-axes) keys it.

Behind the documented nginx (deploy/nginx/xhht.conf) every request comes from 127.0.0.1; nginx passes the
client's address in ``X-Forwarded-For``, replacing whatever the client sent there. That header is believed
only when the request comes from a proxy of ``XHHT_TRUSTED_PROXIES`` (addresses or networks; 127.0.0.1 and
::1 by default): from anywhere else it is the client's own claim, and the connection's address is used.
In a chain of proxies that append to the header, the nearest address that is not a trusted proxy is the
client's (the entries on its left are what the client wrote).
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return any(address in ipaddress.ip_network(network) for network in settings.XHHT_TRUSTED_PROXIES)


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    try:
        if not _trusted(ipaddress.ip_address(remote)):
            return remote
    except ValueError:
        return remote
    chain = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    try:
        addresses = [ipaddress.ip_address(entry) for entry in chain]
    except ValueError:
        return remote  # a header that is not a list of addresses: nothing in it is believed
    for address in reversed(addresses):
        if not _trusted(address):
            return str(address)
    return str(addresses[0]) if addresses else remote
