"""The sync engine: push the local change log, then pull the server's changes since the last sync.

Guarantees, and how they are kept:
- **Exactly once.** Features keep their client UUID as id. Every write carries a ``change_id`` (this store's client
  id and the first change-log row of the batch), so after a lost answer the engine reads the item back and knows
  whether its write landed before sending again.
- **No overwrite of a newer server version.** A PUT carries the version its change was based on; the server (a
  trigger) refuses an older one. A delete is sent only after reading the server's version.
- **Conflicts, never silent.** A feature changed here and on the server since the last sync is recorded with the
  server's version (``sync.conflict.<uuid>`` in store_state) and left alone until the user (or a batch policy)
  chooses mine, theirs or keep both.
- **Rejections kept.** A change the server refuses, or that breaks the schema's rules, stays in the change log,
  marked (``sync.rejected.<uuid>``) with the reason; it is sent again once the user has changed the feature.
- **Resumable.** Pushed changes are recorded in batches; the pull cursor moves only when a pull completes, and
  re-applying a page is a no-op (versions). A crash or a cancel loses nothing and sends nothing twice.
- **Photos travel too** (core/sync/attachments.py): a change's photos are sent before the change itself, as records
  whose id derives from their content (sent twice, they meet themselves); after the pull, the photos the local
  features refer to and that are missing beside the store are fetched, checked and written.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import math
import time
import uuid as uuid_module
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Iterable, Protocol

from prato_smartcity_plugin.core.errors import (
    AuthenticationError,
    CancelledError,
    NetworkError,
    PratoError,
    SyncError,
)
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.interventions import schema
from prato_smartcity_plugin.core.log import get_logger
from prato_smartcity_plugin.core.sync import attachments as photos
from prato_smartcity_plugin.core.sync.client import FeaturesClient, WriteOutcomeUnknownError

log = get_logger("sync")

STATE_PREFIX = "sync."
CONFLICT_PREFIX = "sync.conflict."
REJECTED_PREFIX = "sync.rejected."
PHOTO_PREFIX = "sync.photo."  # + the id of a photo record the server holds
#: Properties the server maintains; never compared when telling whether our write landed.
SERVER_PROPERTIES = frozenset({"uuid", "created_at", "modified_at", "version", "deleted", "change_id"})


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


class Resolution(str, Enum):
    MINE = "mine"
    THEIRS = "theirs"
    KEEP_BOTH = "keep_both"


class ConflictPolicy(str, Enum):
    """What a batch sync does with conflicts: keep them for the user (default), or resolve them all one way."""

    ASK = "ask"
    MINE = "mine"
    THEIRS = "theirs"
    KEEP_BOTH = "keep_both"


@dataclass(frozen=True)
class PendingChange:
    """The unpushed change-log rows of one feature, coalesced."""

    uuid: str
    layer: str
    created: bool  # the first unpushed row is an insert: the server does not know the feature
    base_version: int | None  # the server version the change started from (None for a create)
    first_seq: int
    last_seq: int


class LocalStore(Protocol):
    """The local side as the engine sees it (adapters/sync_store.py implements it on the GeoPackage store).

    Features are GeoJSON dicts in CRS84: ``{"type": "Feature", "id": uuid, "geometry": ..., "properties": {...}}``
    with every schema field but ``uuid`` in the properties (``version`` included)."""

    def pending_changes(self) -> list[PendingChange]: ...

    def features(self, uuids: Iterable[str]) -> dict[str, dict]: ...

    def record_push(self, pushed: list[tuple[PendingChange, int | None]], state: dict[str, str | None]) -> None:
        """In one transaction: mark each change's rows (seq <= last_seq) pushed, set the feature's version to the
        server's (without logging a change), move the base_version of later rows of that feature to it, and write
        ``state`` (``None`` removes a key)."""

    def apply_remote(self, features: list[dict], state: dict[str, str | None], force: bool = False
                     ) -> tuple[int, list[dict]]:
        """In one transaction, with ``applying_remote`` set: apply each server feature that is newer than the local
        one (tombstones delete), except features with unpushed changes (unless ``force``); write ``state``. Returns
        the number applied and the features skipped because of unpushed changes."""

    def discard_pending(self, uuid: str) -> None:
        """Mark every unpushed row of ``uuid`` pushed (the user chose the server's version)."""

    def rebase_pending(self, uuid: str, version: int) -> None:
        """Set the base_version of the unpushed rows of ``uuid`` (the user chose to send theirs over)."""

    def add_copy(self, feature: dict) -> str:
        """Insert ``feature`` as a new local intervention with a new UUID (logged, so it is pushed); return it."""

    def read_attachment(self, path: str) -> bytes | None:
        """The content of the photo at ``path`` (``photos/...``, relative to the store), ``None`` when missing."""

    def write_attachment(self, path: str, content: bytes) -> None:
        """Write a received photo at ``path`` (whole or not at all)."""

    def missing_attachments(self) -> dict[str, list[str]]:
        """uuid -> the photo paths its feature refers to that are missing beside the store."""

    def get_state(self, key: str) -> str | None: ...

    def state_items(self, prefix: str) -> dict[str, str]: ...

    def set_state(self, values: dict[str, str | None]) -> None: ...


@dataclass
class SyncSummary:
    sent: int = 0
    received: int = 0
    conflicts: int = 0  # new conflicts found in this run
    open_conflicts: int = 0
    rejected: int = 0
    resolved: int = 0
    photos_sent: int = 0
    photos_received: int = 0
    photos_missing: int = 0  # referred to, missing here and not (yet) on the server
    messages: list[str] = field(default_factory=list)

    def text(self) -> str:
        text = tr("Sent {sent}, received {received}, conflicts {conflicts}, rejected {rejected}.").format(
            sent=self.sent, received=self.received, conflicts=self.open_conflicts, rejected=self.rejected)
        if self.photos_sent or self.photos_received:
            text += " " + tr("Photos: {sent} sent, {received} received.").format(sent=self.photos_sent,
                                                                                 received=self.photos_received)
        if self.photos_missing:
            text += " " + tr("{n} photos are not on the server yet: they are fetched at a later sync.").format(
                n=self.photos_missing)
        return " ".join([text, *self.messages])

    def as_json(self) -> str:
        return json.dumps({"sent": self.sent, "received": self.received, "conflicts": self.open_conflicts,
                           "rejected": self.rejected, "resolved": self.resolved, "photos_sent": self.photos_sent,
                           "photos_received": self.photos_received, "photos_missing": self.photos_missing})


@dataclass
class Outcome:
    change: PendingChange
    kind: str  # "pushed" | "conflict" | "rejected"
    version: int | None = None
    theirs: dict | None = None
    message: str = ""
    details: str = ""
    photos: list[str] = field(default_factory=list)  # ids of the photo records sent for it


@dataclass
class Conflict:
    uuid: str
    theirs: dict  # the server's feature (a tombstone when deleted there)
    mine: dict | None  # the local feature now (None when deleted here)
    base_version: int | None
    detected_at: str

    @property
    def theirs_deleted(self) -> bool:
        return bool(self.theirs.get("properties", {}).get("deleted"))


def bare_feature(feature: dict) -> dict:
    """A feature without the server's links and neighbours (what is kept beside a conflict)."""
    return {key: feature.get(key) for key in ("type", "id", "geometry", "properties")}


def utc_iso(moment: dt.datetime | None = None) -> str:
    moment = moment or dt.datetime.now(dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _norm(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return str(value)


def same_content(a: dict, b: dict) -> bool:
    """Whether two features hold the same user data (the server's bookkeeping aside)."""
    def user_part(feature: dict) -> tuple:
        props = {k: v for k, v in (feature.get("properties") or {}).items() if k not in SERVER_PROPERTIES}
        return _norm(props), _norm(feature.get("geometry"))

    pa, ga = user_part(a)
    pb, gb = user_part(b)
    keys = set(pa) | set(pb)
    return all(pa.get(k) == pb.get(k) for k in keys) and _geometry_equal(ga, gb)


def _geometry_equal(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_geometry_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_geometry_equal(a[k], b[k]) for k in a)
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=0, abs_tol=1e-9)
    return a == b


class SyncEngine:
    def __init__(self, store: LocalStore, client: FeaturesClient, concurrency: int = 6, batch_size: int = 100,
                 overlap_seconds: int = 120, progress: Callable[[float], None] | None = None,
                 is_cancelled: Callable[[], bool] = lambda: False, sleep: Callable[[float], None] = time.sleep,
                 executor: Callable[[int], Any] = ThreadPoolExecutor, attachments: FeaturesClient | None = None):
        self.store = store
        self.attachments = attachments  # the photos' collection (None: photos are not synced)
        self.executor = executor  # max_workers -> a concurrent.futures-style executor (a context manager)
        self.client = client
        self.concurrency = max(1, concurrency)
        self.batch_size = batch_size
        # The cursor is moved back by this much: a transaction stamped before the server's clock reading but
        # committed after it is still seen (re-reading a change is harmless: versions).
        self.overlap = dt.timedelta(seconds=overlap_seconds)
        self.progress = progress or (lambda value: None)
        self.is_cancelled = is_cancelled
        self.sleep = sleep
        client.is_cancelled = lambda: self.is_cancelled()
        if attachments is not None:
            attachments.is_cancelled = client.is_cancelled
        self._client_id: str | None = None
        self._photos_sent: set[str] = set()

    # --- state ---------------------------------------------------------------------------------------------------

    @property
    def client_id(self) -> str:
        if self._client_id is None:
            value = self.store.get_state("sync.client_id")
            if not value:
                value = str(uuid_module.uuid4())
                self.store.set_state({"sync.client_id": value})
            self._client_id = value
        return self._client_id

    def change_id(self, change: PendingChange) -> str:
        return f"{self.client_id}:{change.first_seq}"

    def _json_states(self, prefix: str) -> dict[str, dict]:
        result = {}
        for key, value in self.store.state_items(prefix).items():
            try:
                result[key[len(prefix):]] = json.loads(value)
            except ValueError:
                log.warning("unreadable sync state %s", key)
        return result

    def rejected(self) -> dict[str, dict]:
        """uuid -> {"message", "details", "last_seq", "at"} of the changes the server or the rules refused."""
        return self._json_states(REJECTED_PREFIX)

    def conflicts(self) -> list[Conflict]:
        records = self._json_states(CONFLICT_PREFIX)
        mine = self.store.features(records.keys()) if records else {}
        return [Conflict(uuid, rec["theirs"], mine.get(uuid), rec.get("base_version"), rec.get("detected_at", ""))
                for uuid, rec in sorted(records.items())]

    # --- the whole sync ------------------------------------------------------------------------------------------

    def sync(self, policy: ConflictPolicy = ConflictPolicy.ASK) -> SyncSummary:
        """Push, then pull, then (with a batch policy) settle the conflicts. ``sync.started_at`` stays in the store
        only if the process dies midway: the dock then says that the next sync resumes."""
        summary = SyncSummary()
        self.store.set_state({"sync.started_at": utc_iso()})
        try:
            self._sync(policy, summary)
        except BaseException as error:
            message = error.message if isinstance(error, PratoError) else str(error)
            self.store.set_state({"sync.started_at": None, "sync.last_error": message})
            raise
        self.store.set_state({"sync.started_at": None, "sync.last_error": None, "sync.last_success": utc_iso(),
                              "sync.last_summary": summary.as_json()})
        self.progress(1.0)
        log.info("sync done: %s", summary.text())
        return summary

    def _sync(self, policy: ConflictPolicy, summary: SyncSummary) -> None:
        self.progress(0.0)
        self.client.check()  # address, collection and credentials, before anything is sent
        self._check_photo_collection(summary)
        self.push(summary, progress_span=(0.02, 0.6))
        self.pull(summary, progress_span=(0.6, 0.9))
        self.fetch_photos(summary, progress_span=(0.9, 0.95))
        if policy != ConflictPolicy.ASK:
            for conflict in self.conflicts():
                self.resolve(conflict.uuid, Resolution(policy.value))
                summary.resolved += 1
            if summary.resolved:
                self.push(summary, progress_span=(0.95, 1.0))
        summary.open_conflicts = len(self.store.state_items(CONFLICT_PREFIX))
        summary.rejected = len(self.store.state_items(REJECTED_PREFIX))

    # --- push ----------------------------------------------------------------------------------------------------

    def push(self, summary: SyncSummary, progress_span: tuple[float, float] = (0.0, 1.0),
             retry_rejected: bool = False) -> None:
        assert self.client_id  # read here: the store is used from this thread only
        self._photos_sent = {key[len(PHOTO_PREFIX):] for key in self.store.state_items(PHOTO_PREFIX)}
        in_conflict = set(self.store.state_items(CONFLICT_PREFIX))
        rejected = self.rejected()
        changes = []
        for change in self.store.pending_changes():
            if CONFLICT_PREFIX + change.uuid in in_conflict:
                continue
            previous = rejected.get(change.uuid)
            if previous and previous.get("last_seq") == change.last_seq and not retry_rejected:
                continue  # unchanged since the server refused it: wait for the user's fix
            changes.append(change)
        total = len(changes)
        start, end = progress_span
        done = 0
        # Two batches in flight: the workers send the next batch while this thread records the previous one, so
        # the connections never wait for the local bookkeeping (one SQLite transaction per batch).
        in_flight: deque[list[tuple[PendingChange, Future]]] = deque()
        failure: PratoError | None = None
        with self.executor(self.concurrency) as pool:
            for offset in range(0, total + self.batch_size, self.batch_size):
                batch = changes[offset:offset + self.batch_size]
                if batch and failure is None:
                    mine = self.store.features(c.uuid for c in batch)
                    in_flight.append([(change, pool.submit(self._push_one, change, mine.get(change.uuid)))
                                      for change in batch])
                while in_flight and (len(in_flight) > 1 or not batch or failure is not None):
                    sent, error = self._collect(in_flight.popleft(), summary)
                    failure = failure or error
                    done += sent
                    self.progress(start + (end - start) * done / max(total, 1))
        if failure is not None:
            if isinstance(failure, (CancelledError, AuthenticationError)):
                raise failure
            raise SyncError(tr("{n} local changes could not be sent; they stay queued and will be sent at "
                               "the next sync.").format(n=total - done), f"{failure.message}\n{failure.details}"
                            ) from failure
        self.progress(end)

    def _collect(self, batch: list[tuple[PendingChange, Future]], summary: SyncSummary
                 ) -> tuple[int, PratoError | None]:
        """Wait for a batch's pushes and record, in one transaction, those that got an outcome. Returns how many
        did, and the first error."""
        outcomes, failure = [], None
        for _change, future in batch:
            try:
                outcomes.append(future.result())
            except PratoError as error:
                failure = failure or error
        self._record(outcomes, summary)
        return len(outcomes), failure

    def _record(self, outcomes: list[Outcome], summary: SyncSummary) -> None:
        pushed, state = [], {}
        now = utc_iso()
        for outcome in outcomes:
            uuid = outcome.change.uuid
            for photo_id in outcome.photos:  # on the server whatever became of the change
                state[PHOTO_PREFIX + photo_id] = "1"
            summary.photos_sent += len(outcome.photos)
            if outcome.kind == "pushed":
                pushed.append((outcome.change, outcome.version))
                state[REJECTED_PREFIX + uuid] = None
                if outcome.version is not None or not outcome.change.created:
                    summary.sent += 1
            elif outcome.kind == "conflict":
                state[CONFLICT_PREFIX + uuid] = json.dumps({"theirs": outcome.theirs,
                                                             "base_version": outcome.change.base_version,
                                                             "detected_at": now})
                state[REJECTED_PREFIX + uuid] = None
                summary.conflicts += 1
            else:
                state[REJECTED_PREFIX + uuid] = json.dumps({"message": outcome.message, "details": outcome.details,
                                                             "last_seq": outcome.change.last_seq, "at": now})
                log.warning("intervention %s refused: %s %s", uuid, outcome.message, outcome.details)
        if pushed or state:
            self.store.record_push(pushed, state)

    def _payload(self, mine: dict, version: int | None, change_id: str) -> dict:
        properties = {k: v for k, v in mine["properties"].items() if k != "uuid"}
        properties.update(version=version or 1, change_id=change_id, deleted=False)
        return {"type": "Feature", "id": mine["id"], "geometry": mine["geometry"], "properties": properties}

    def _settled(self, change: PendingChange, mine: dict | None, remote: dict | None, cid: str
                 ) -> tuple[Outcome | None, int | None]:
        """Read the server's copy: either the change is settled (landed, nothing to do, or a conflict), or the
        version to send it with (``None``: create it)."""
        props = (remote or {}).get("properties") or {}
        version = props.get("version")
        ours = props.get("change_id") == cid
        if mine is None:  # a delete
            if remote is None or props.get("deleted"):
                return Outcome(change, "pushed", version), None
            if ours or version == change.base_version:
                return None, version
            return Outcome(change, "conflict", theirs=bare_feature(remote)), None
        if remote is None:
            return None, None
        if ours:
            if same_content(remote, mine) and not props.get("deleted"):
                return Outcome(change, "pushed", version), None
            return None, version  # landed earlier, edited since: send the rest over our own version
        if change.created or version != change.base_version:
            return Outcome(change, "conflict", theirs=bare_feature(remote)), None
        return None, version

    def _push_one(self, change: PendingChange, mine: dict | None) -> Outcome:
        if mine is None and change.created:
            return Outcome(change, "pushed", None)  # created and deleted here between two syncs
        sent: list[str] = []
        if mine is not None:
            record = dict(mine["properties"], uuid=change.uuid)
            result = schema.validate(record)
            if not result.ok:
                return Outcome(change, "rejected", message=tr("The intervention breaks the rules: {problems}").format(
                    problems="; ".join(p.message for p in result.problems if p.blocking)))
            refusal = self._push_photos(change, mine, sent)
            if refusal is not None:
                return refusal
        outcome = self._push_feature(change, mine)
        outcome.photos = sent
        return outcome

    def _push_feature(self, change: PendingChange, mine: dict | None) -> Outcome:
        cid = self.change_id(change)
        delays = self.client.retry.delays()
        check = mine is None  # a delete is sent only once the server's version is known
        expected = change.base_version
        refused = 0
        while True:
            if check:
                outcome, expected = self._settled(change, mine, self.client.get(change.uuid), cid)
                if outcome is not None:
                    return outcome
            try:
                if mine is None:
                    self.client.delete(change.uuid)
                    return Outcome(change, "pushed", (expected or 0) + 1)
                if expected is None:
                    self.client.create(self._payload(mine, 1, cid))
                    return Outcome(change, "pushed", 1)
                self.client.replace(self._payload(mine, expected, cid))
                return Outcome(change, "pushed", expected + 1)
            except WriteOutcomeUnknownError as error:
                if error.status == 500:  # this server answers 500 to bad data too: read back, then judge
                    refused += 1
                    if refused > 2:
                        return Outcome(change, "rejected", message=tr(
                            "The municipal API refused this intervention (HTTP 500): check its values and where its "
                            "geometry lies."), details=error.details)
                delay = next(delays, None)
                if delay is None:
                    raise
                log.info("%s: no usable answer (%s); checking the server before retrying", change.uuid,
                         error.details.splitlines()[0] if error.details else error.message)
                self.sleep(delay)
                check = True
            except NetworkError as error:  # a definite refusal (4xx)
                if isinstance(error, AuthenticationError):
                    raise
                return Outcome(change, "rejected", message=error.message, details=error.details)

    # --- photos --------------------------------------------------------------------------------------------------

    def _check_photo_collection(self, summary: SyncSummary) -> None:
        """A server without the photos' collection still syncs the interventions (their photos stay here)."""
        if self.attachments is None:
            return
        try:
            self.attachments.check()
        except NetworkError as error:
            if error.status != 404:
                raise
            log.warning("no photo collection %s on the server: photos are not synced", self.attachments.collection)
            summary.messages.append(tr("The municipal API has no collection for photos ({name}): photos are not "
                                       "synced.").format(name=self.attachments.collection))
            self.attachments = None

    def _push_photos(self, change: PendingChange, mine: dict, sent: list[str]) -> Outcome | None:
        """Send the photos of ``mine`` the server does not have yet (before the change that refers to them);
        an outcome when the server refuses one."""
        if self.attachments is None:
            return None
        for path in photos.photo_paths(mine):
            content = self.store.read_attachment(path)
            if content is None:
                log.warning("intervention %s: the photo %s is missing beside the store; sent without it",
                            change.uuid, path)
                continue
            photo = photos.Attachment(change.uuid, path, content)
            if photo.id in self._photos_sent or photo.id in sent:
                continue
            try:
                self._send_photo(photo, photos.anchor_point(mine.get("geometry")))
            except NetworkError as error:
                if isinstance(error, AuthenticationError) or error.retryable:
                    raise  # the change stays queued
                # A definite refusal (too large, ...): the change waits with it.
                return Outcome(change, "rejected", photos=sent, message=tr(
                    "The municipal API refused the photo {path}: {reason}").format(path=path, reason=error.message),
                    details=error.details)
            sent.append(photo.id)
        return None

    def _send_photo(self, photo: photos.Attachment, geometry: dict | None) -> None:
        """POST the photo's record; after an answer that was lost, read it back before sending it again."""
        client = self.attachments
        delays = client.retry.delays()
        check, refused = False, 0
        while True:
            if check and client.get(photo.id) is not None:
                return  # it landed (the server checked its content)
            try:
                client.create(photo.feature(geometry))
                return
            except WriteOutcomeUnknownError as error:
                if error.status == 500:  # also this server's answer to bad data and to a record it already has
                    refused += 1
                    if refused > 2:
                        raise NetworkError(tr("The municipal API refused the photo (HTTP 500)."), error.details,
                                           status=500) from error
                delay = next(delays, None)
                if delay is None:
                    raise
                self.sleep(delay)
                check = True

    def fetch_photos(self, summary: SyncSummary, progress_span: tuple[float, float] = (0.0, 1.0)) -> None:
        """Fetch the photos the local features refer to that are missing beside the store (received with their
        intervention in this sync or an earlier one), checking each against its size and SHA-256."""
        if self.attachments is None:
            return
        missing = self.store.missing_attachments()
        start, end = progress_span
        for done, (uuid, paths) in enumerate(sorted(missing.items()), 1):
            records = [record for page, _ in self.attachments.pages(intervention=uuid) for record in page]
            for path in paths:
                content = next((c for c in (photos.content_of(r) for r in records
                                            if (r.get("properties") or {}).get("path") == path) if c is not None),
                               None)
                if content is None:
                    log.info("photo %s of %s: not on the server", path, uuid)
                    summary.photos_missing += 1
                    continue
                self.store.write_attachment(path, content)
                summary.photos_received += 1
            self.progress(start + (end - start) * done / len(missing))
        self.progress(end)

    # --- pull ----------------------------------------------------------------------------------------------------

    def pull(self, summary: SyncSummary, progress_span: tuple[float, float] = (0.0, 1.0)) -> None:
        cursor = self.store.get_state("sync.cursor")
        server_time: dt.datetime | None = None
        newest: str | None = None
        start, end = progress_span
        pages = 0
        for features, response in self.client.pages(cursor):
            if server_time is None:
                server_time = _http_date(response.header("date"))
            for feature in features:
                stamp = (feature.get("properties") or {}).get("modified_at")
                if isinstance(stamp, str) and (newest is None or stamp > newest):
                    newest = stamp
            self._apply_page(features, summary)
            pages += 1
            self.progress(start + (end - start) * (1 - 1 / (pages + 1)))
        if server_time is None and newest:
            server_time = _parse_time(newest)
        if server_time is not None:
            self.store.set_state({"sync.cursor": utc_iso_precise(server_time - self.overlap)})
        self.progress(end)

    def _apply_page(self, features: list[dict], summary: SyncSummary) -> None:
        conflicts = self._json_states(CONFLICT_PREFIX)
        state: dict[str, str | None] = {}
        to_apply = []
        for feature in features:
            uuid = feature.get("id")
            props = feature.get("properties") or {}
            if not uuid or not isinstance(props.get("version"), int):
                log.warning("ignoring a feature without id or version from the server: %s", str(feature)[:300])
                continue
            uuid = str(uuid)
            if uuid in conflicts:  # keep the newest server version beside the conflict
                if props["version"] > conflicts[uuid]["theirs"]["properties"].get("version", 0):
                    conflicts[uuid]["theirs"] = bare_feature(feature)
                    state[CONFLICT_PREFIX + uuid] = json.dumps(conflicts[uuid])
                continue
            to_apply.append(feature)
        applied, skipped = self.store.apply_remote(to_apply, state)
        summary.received += applied
        if skipped:
            pending = {c.uuid: c for c in self.store.pending_changes()}
            state = {}
            for feature in skipped:
                change = pending.get(str(feature["id"]))
                version = feature["properties"]["version"]
                if change is not None and (change.created or version > (change.base_version or 0)) \
                        and feature["properties"].get("change_id") != self.change_id(change):
                    state[CONFLICT_PREFIX + change.uuid] = json.dumps({
                        "theirs": bare_feature(feature), "base_version": change.base_version, "detected_at": utc_iso()})
                    summary.conflicts += 1
            if state:
                self.store.set_state(state)

    # --- conflicts -----------------------------------------------------------------------------------------------

    def resolve(self, uuid: str, resolution: Resolution) -> str | None:
        """Settle a conflict locally; what must reach the server is sent by the next push. Returns the new UUID
        of the copy for keep-both (when there was a local feature to copy)."""
        raw = self.store.get_state(CONFLICT_PREFIX + uuid)
        if raw is None:
            raise SyncError(tr("There is no conflict on this intervention any more."), uuid)
        record = json.loads(raw)
        theirs = record["theirs"]
        version = theirs["properties"]["version"]
        copy_uuid = None
        if resolution == Resolution.MINE:
            self.store.rebase_pending(uuid, version)
            self.store.set_state({CONFLICT_PREFIX + uuid: None})
            return None
        if resolution == Resolution.KEEP_BOTH:
            mine = self.store.features([uuid]).get(uuid)
            if mine is not None:
                copy_uuid = self.store.add_copy(mine)
        self.store.discard_pending(uuid)
        # The server's version replaces ours (a tombstone deletes it); the conflict record goes in the same step.
        self.store.apply_remote([theirs], {CONFLICT_PREFIX + uuid: None}, force=True)
        return copy_uuid


def _parse_time(text: str) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _http_date(text: str) -> dt.datetime | None:
    if not text:
        return None
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None


def utc_iso_precise(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
