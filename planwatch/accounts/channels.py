"""Posting one message to one channel: the JSON each kind of robot expects, its signature,
and what counts as delivered. Network errors and refusals come back as a `Failure`."""

import base64
import hashlib
import hmac
import json
import time
import urllib.parse
from dataclasses import dataclass

import requests
from django.conf import settings

from planwatch.accounts.models_channels import Channel, Delivery

SIGNATURE_HEADER = "X-Planwatch-Signature"
TIMESTAMP_HEADER = "X-Planwatch-Timestamp"
DELIVERY_HEADER = "X-Planwatch-Delivery"


class Failure(Exception):
    """A delivery attempt that did not succeed, with what the reader of the log needs."""

    def __init__(self, error: str, status: int | None = None):
        super().__init__(error)
        self.error, self.status = error, status


@dataclass
class Request:
    url: str
    body: bytes
    headers: dict[str, str]


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk robot signature: base64 HMAC-SHA256 of "timestamp\\nsecret", keyed by secret."""
    text = f"{timestamp_ms}\n{secret}".encode()
    return base64.b64encode(hmac.new(secret.encode(), text, hashlib.sha256).digest()).decode()


def webhook_signature(secret: str, timestamp: int, body: bytes) -> str:
    """`sha256=` + hex HMAC-SHA256 of "timestamp." + body: a receiver recomputes it with the
    shared secret and refuses old timestamps, so a captured message cannot be replayed."""
    signed = f"{timestamp}.".encode() + body
    return "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def _with_query(url: str, **params: str) -> str:
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.urlencode([*urllib.parse.parse_qsl(parts.query), *params.items()])
    return urllib.parse.urlunsplit(parts._replace(query=query))


def build_request(delivery: Delivery, now: float) -> Request:
    channel = delivery.channel
    headers = {"Content-Type": "application/json; charset=utf-8"}
    if channel.kind in (Channel.Kind.DINGTALK, Channel.Kind.WECOM):
        payload = {"msgtype": "text", "text": {"content": delivery.text}}
        body = json.dumps(payload, ensure_ascii=False).encode()
        url = channel.url
        if channel.kind == Channel.Kind.DINGTALK and channel.secret:
            stamp = int(now * 1000)
            url = _with_query(url, timestamp=str(stamp), sign=dingtalk_sign(channel.secret, stamp))
        return Request(url, body, headers)
    payload = {
        "delivery": delivery.pk,
        "unit": channel.unit_id,
        "kind": delivery.kind,
        "key": delivery.key,
        "day": delivery.day.isoformat(),
        "text": delivery.text,
    }
    body = json.dumps(payload, ensure_ascii=False).encode()
    stamp = int(now)
    headers.update(
        {
            DELIVERY_HEADER: str(delivery.pk),
            TIMESTAMP_HEADER: str(stamp),
            SIGNATURE_HEADER: webhook_signature(channel.secret, stamp, body),
        }
    )
    return Request(channel.url, body, headers)


def post(delivery: Delivery) -> int:
    """Post the delivery once; its HTTP status, or Failure."""
    request = build_request(delivery, time.time())
    try:
        response = requests.post(
            request.url,
            data=request.body,
            headers=request.headers,
            timeout=settings.CHANNEL_TIMEOUT,
            allow_redirects=False,
        )
    except requests.Timeout:
        raise Failure(f"no answer within {settings.CHANNEL_TIMEOUT} s") from None
    except requests.RequestException as error:
        raise Failure(f"{type(error).__name__}: {str(error)[:300]}") from None
    if not 200 <= response.status_code < 300:
        raise Failure(f"HTTP {response.status_code}: {response.text[:300]}", response.status_code)
    if delivery.channel.kind != Channel.Kind.WEBHOOK:
        # The robots answer 200 with an error code of their own when they refuse.
        try:
            answer = response.json()
        except ValueError:
            raise Failure(f"not JSON: {response.text[:300]}", response.status_code) from None
        if not isinstance(answer, dict):
            raise Failure(f"unexpected answer: {response.text[:300]}", response.status_code)
        if answer.get("errcode", 0) != 0:
            raise Failure(f"errcode {answer.get('errcode')}: {answer.get('errmsg', '')}"[:300])
    return response.status_code
