"""The client's address for sign-in throttling, also behind a reverse proxy.

Behind a proxy every request comes from the proxy's address, so throttling by address
would lock everyone out at once. When PLANWATCH_CLIENT_IP_HEADER names the header the
trusted proxy sets (X-Forwarded-For, X-Real-IP), the client is the entry that proxy
added: the n-th from the right for n trusted proxies. Entries to its left come from the
client and can be forged, so they are never read.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    header = settings.CLIENT_IP_HEADER
    if header:
        entries = [e.strip() for e in request.headers.get(header, "").split(",") if e.strip()]
        count = settings.TRUSTED_PROXY_COUNT
        if len(entries) >= count and _is_address(entries[-count]):
            return entries[-count]
    return request.META.get("REMOTE_ADDR", "")


def _is_address(text: str) -> bool:
    """Only an IP address is taken: the throttling table stores addresses."""
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
