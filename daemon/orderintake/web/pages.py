"""The clerk's pages: the queue, one mail, its attachments and page images, the actions.

After every action the next waiting mail opens (303 redirect), so a clerk can go through
the queue with the keyboard only: ``1``..``9`` accept that candidate, Enter the best one.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import handoff
from ..errors import ExtractionError, StoreError
from ..store import decisions, review
from ..store.records import UserRecord
from ..store.schema import MESSAGE_STATUSES
from . import render as page_render
from .deps import check_csrf, current_user, render, state

router = APIRouter(dependencies=[Depends(current_user)])
User = Annotated[UserRecord, Depends(current_user)]
PAGE_SIZE = 50


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.combine(datetime.fromisoformat(value).date(), time()).astimezone()
    except ValueError:
        raise StoreError(f"not a date: {value!r} (expected YYYY-MM-DD)") from None


@router.get("/", response_class=HTMLResponse)
def queue(
    request: Request,
    status: str = "awaiting-validation",
    sender: str = "",
    date_from: str = "",
    date_to: str = "",
    q: str = "",
    after: str = "",
) -> Response:
    if status and status not in MESSAGE_STATUSES:
        status = "awaiting-validation"
    to = _date(date_to)
    f = review.QueueFilter(
        status=status,
        sender=sender.strip(),
        date_from=_date(date_from),
        date_to=to + timedelta(days=1) if to else None,
        order_number=q.strip(),
    )
    with state(request).store.db.session() as db:
        page = review.list_queue(db, f, after or None, PAGE_SIZE)
    params = {
        "status": status,
        "sender": sender,
        "date_from": date_from,
        "date_to": date_to,
        "q": q,
    }
    next_url = None
    if page.next_cursor:
        next_url = "/?" + urlencode(
            {**{k: v for k, v in params.items() if v}, "after": page.next_cursor}
        )
    return render(
        request,
        "queue.html",
        page=page,
        params=params,
        statuses=MESSAGE_STATUSES,
        next_url=next_url,
        first_page=not after,
    )


@router.get("/mail/{message_id}", response_class=HTMLResponse)
def detail(request: Request, message_id: int) -> Response:
    with state(request).store.db.session() as db:
        d = review.message_detail(db, message_id)
    if d is None:
        return render(
            request,
            "error.html",
            404,
            title="Not found",
            message=f"Mail {message_id} does not exist.",
        )
    boxes: dict[tuple[int | None, int], list[review.CandidateView]] = {}
    for c in d.candidates:
        if c.bbox is not None:
            boxes.setdefault((c.document_id, c.page), []).append(c)
    return render(
        request,
        "detail.html",
        m=d,
        boxes=boxes,
        reasons=decisions.REJECT_REASONS,
        decidable=d.status in decisions.DECIDABLE,
    )


@router.get("/next")
def next_mail(request: Request, after: int | None = None) -> Response:
    with state(request).store.db.session() as db:
        nxt = review.next_to_validate(db, after)
    return RedirectResponse(f"/mail/{nxt}" if nxt else "/?done=1", status_code=303)


def _go_next(request: Request, message_id: int) -> Response:
    with state(request).store.db.session() as db:
        nxt = review.next_to_validate(db, message_id)
    return RedirectResponse(f"/mail/{nxt}" if nxt else "/", status_code=303)


@router.post("/mail/{message_id}/accept", dependencies=[Depends(check_csrf)])
def accept(
    request: Request,
    message_id: int,
    user: User,
    rank: Annotated[int | None, Form()] = None,
    value: Annotated[str, Form()] = "",
) -> Response:
    st = state(request)
    if rank is not None and not value:
        with st.store.db.session() as db:
            value = decisions.candidate_value(db, message_id, rank) or ""
        if not value:
            raise StoreError(f"this mail has no candidate number {rank}")
    handoff.validate(
        st.store, st.settings, message_id, user, value, candidate_rank=rank, now=st.clock()
    )
    return _go_next(request, message_id)


@router.post("/mail/{message_id}/correct", dependencies=[Depends(check_csrf)])
def correct(
    request: Request, message_id: int, user: User, value: Annotated[str, Form()] = ""
) -> Response:
    st = state(request)
    handoff.validate(st.store, st.settings, message_id, user, value, now=st.clock())
    return _go_next(request, message_id)


@router.post("/mail/{message_id}/reject", dependencies=[Depends(check_csrf)])
def reject(
    request: Request,
    message_id: int,
    user: User,
    reason: Annotated[str, Form()] = "not-order",
    note: Annotated[str, Form()] = "",
) -> Response:
    with state(request).store.db.session() as db:
        decisions.decide(db, message_id, user, "reject", reason_code=reason, note=note or None)
    return _go_next(request, message_id)


@router.post("/mail/{message_id}/requeue", dependencies=[Depends(check_csrf)])
def requeue(
    request: Request, message_id: int, user: User, note: Annotated[str, Form()] = ""
) -> Response:
    with state(request).store.db.session() as db:
        decisions.decide(db, message_id, user, "requeue", note=note or None)
    return _go_next(request, message_id)


@router.post("/mail/{message_id}/note", dependencies=[Depends(check_csrf)])
def note(
    request: Request, message_id: int, user: User, note: Annotated[str, Form()] = ""
) -> Response:
    with state(request).store.db.session() as db:
        decisions.decide(db, message_id, user, "note", note=note.strip())
    return RedirectResponse(f"/mail/{message_id}", status_code=303)


def _attachment(request: Request, attachment_id: int) -> tuple[str, str, str]:
    """(filename, content type, blob hash) of a stored attachment, or a clear error."""
    with state(request).store.db.session() as db:
        found = review.attachment_blob(db, attachment_id)
    if found is None:
        raise StoreError(f"attachment {attachment_id} does not exist")
    filename, content_type, blob = found
    if blob is None:
        raise StoreError(f"the file {filename!r} is no longer stored (retention period over)")
    return filename, content_type, blob


@router.get("/attachment/{attachment_id}")
def attachment(request: Request, attachment_id: int, user: User) -> Response:
    filename, content_type, blob = _attachment(request, attachment_id)
    data = state(request).store.blobs.get(blob)
    # RFC 6266: an ASCII fallback for old clients, the real name (UTF-8) for the others.
    # Header values are Latin-1 on the wire: a bare "Œuvres.pdf" would crash the response.
    ascii_name = (
        "".join(
            c if (c.isascii() and c.isalnum()) or c in "._- " else "_" for c in filename
        ).strip()
        or "attachment"
    )
    headers: dict[str, Any] = {
        "Content-Disposition": (
            f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"
        ),
        "X-Content-Type-Options": "nosniff",
    }
    return Response(data, media_type=content_type or "application/octet-stream", headers=headers)


@router.get("/attachment/{attachment_id}/page/{page}.png")
def page_image(request: Request, attachment_id: int, page: int) -> Response:
    _filename, content_type, blob = _attachment(request, attachment_id)
    st = state(request)
    try:
        png = page_render.page_png(
            st.settings.data_dir / "page-cache",
            blob,
            content_type,
            lambda: st.store.blobs.get(blob),
            page,
        )
    except ExtractionError as exc:
        return Response(str(exc), status_code=404, media_type="text/plain")
    return Response(
        png, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"}
    )
