"""Benchmark of the daemon, end to end. Prints figures; asserts nothing.

1. Backlog: N mixed mails (default 1,000: 70% text-PDF orders, 1% scanned orders as JPEG
   attachments (OCR), the rest non-orders) delivered to a Maildir, processed by one
   ``Poller.poll`` with 1 and then 2 workers: mails/minute, and RSS (this process plus its
   worker processes) sampled every 0.5 s, printed at each tenth of the run, to show that
   memory stays flat.
2. IDLE latency with a real Dovecot: APPEND of a mail with a one-page text PDF → its
   candidates stored, with the daemon waiting in IDLE (poll interval one hour).

    .venv/bin/python tests/bench/bench_daemon.py [--count 1000] [--idle-samples 10]
"""

from __future__ import annotations

import argparse
import io
import mailbox
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "daemon"))

from daemon_helpers import Dovecot, free_port  # noqa: E402  (tests/daemon helpers)
from mails import mail, order_mail, order_pdf, status_question_mail  # noqa: E402
from orderintake.config import Settings, load_settings  # noqa: E402
from orderintake.mailbox.maildir import MaildirSource  # noqa: E402
from orderintake.pipeline import Stages  # noqa: E402
from orderintake.poller import Poller  # noqa: E402
from orderintake.service import Daemon  # noqa: E402
from orderintake.store.db import Database, upgrade  # noqa: E402
from orderintake.store.repo import Store  # noqa: E402


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree_rss_mib() -> float:
    """This process plus its direct children (the worker processes)."""
    me = os.getpid()
    total = rss_mib(me)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if ppid == me:
            total += rss_mib(int(entry.name))
    return total


def scan_jpeg(number: str) -> bytes:
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(order_pdf(number))[0]
    img = page.render(scale=200 / 72).to_pil().convert("L")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85, dpi=(200, 200))
    return buf.getvalue()


def backlog(count: int) -> list[bytes]:
    out: list[bytes] = []
    n_scans = max(1, count // 100)
    n_orders = int(count * 0.7)
    for i in range(count):
        if i < n_scans:
            number = f"CF2026S{i:04d}"
            out.append(
                mail(
                    f"Commande {number}",
                    "Bon de commande scanné ci-joint.",
                    [(f"scan_{number}.jpg", scan_jpeg(number))],
                )
            )
        elif i < n_scans + n_orders:
            out.append(order_mail(f"CF2026{i:05d}"))
        else:
            out.append(status_question_mail())
    # interleave so that the scans are not all at the start
    return out[n_scans:][: count // 2] + out[:n_scans] + out[n_scans:][count // 2 :]


def settings_for(root: Path, workers: int) -> Settings:
    return load_settings(
        env={}, data_dir=root / "data", mailbox_url=f"maildir://{root / 'maildir'}", workers=workers
    )


def run_backlog(raws: list[bytes], workers: int) -> None:
    root = Path(tempfile.mkdtemp(prefix="oi-bench-"))
    try:
        md = mailbox.Maildir(root / "maildir", create=True)
        for raw in raws:
            md.add(raw)
        settings = settings_for(root, workers)
        db = Database(settings.database_url)
        upgrade(db.engine)
        db.dispose()
        store = Store.open(settings.database_url, settings.data_dir)
        poller = Poller(store, settings, Stages.load(settings))
        samples: list[tuple[float, float]] = []
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.5):
                samples.append((time.perf_counter(), tree_rss_mib()))

        sampler = threading.Thread(target=sample, daemon=True)
        started = time.perf_counter()
        sampler.start()
        report = poller.poll(MaildirSource(root / "maildir"))
        elapsed = time.perf_counter() - started
        done.set()
        sampler.join()
        poller.close()
        counts = store.count_by_status()
        store.close()
        print(f"\n== backlog of {len(raws)} mails, {workers} worker(s) ==")
        print(f"processed {report.processed} in {elapsed:.1f} s: "
              f"{report.processed / elapsed * 60:.0f} mails/minute")  # fmt: skip
        print(f"statuses: {counts}")
        if samples:
            peak = max(r for _, r in samples)
            print(f"peak RSS (process + workers): {peak:.0f} MiB")
            tenth = [samples[min(len(samples) - 1, int(len(samples) * k / 10))] for k in range(10)]
            print("RSS over time (MiB, each tenth of the run): "
                  + " ".join(f"{r:.0f}" for _, r in tenth))  # fmt: skip
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run_idle(samples: int) -> None:
    base = Path(tempfile.mkdtemp(prefix="oi-imap-"))
    base.chmod(0o755)
    dove = Dovecot(base / "imap", free_port())
    dove.run("start")
    try:
        (base / "pw").write_text("alicepw\n")
        settings = load_settings(
            env={},
            data_dir=base / "data",
            mailbox_url=f"imap://alice@127.0.0.1:{dove.port}/INBOX",
            imap_starttls=False,
            imap_password_file=str(base / "pw"),
            poll_interval=3600.0,
        )
        db = Database(settings.database_url)
        upgrade(db.engine)
        db.dispose()
        store = Store.open(settings.database_url, settings.data_dir)
        daemon = Daemon(settings, store, Stages.load(settings))
        daemon.start()
        with daemon.polled:
            daemon.polled.wait_for(lambda: daemon.poll_count >= 1, timeout=30)
        time.sleep(1.0)
        latencies = []
        for i in range(samples):
            dove.append("INBOX", order_mail(f"CF2027{i:04d}"))
            t0 = time.perf_counter()
            while len(store.list_messages("awaiting-validation")) <= i:
                if time.perf_counter() - t0 > 30:
                    break
                time.sleep(0.01)
            latencies.append(time.perf_counter() - t0)
            time.sleep(0.5)
        daemon.stop()
        store.close()
        print(f"\n== IDLE latency, APPEND → stored candidates, {samples} one-page text PDFs ==")
        print(f"median {statistics.median(latencies):.2f} s, max {max(latencies):.2f} s "
              f"(Dovecot's own IDLE notification takes ~0.5 s); target ≤ 3 s")  # fmt: skip
    finally:
        dove.run("stop")
        shutil.rmtree(base, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--idle-samples", type=int, default=10)
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    raws = backlog(args.count)
    for w in (int(x) for x in args.workers.split(",")):
        run_backlog(raws, w)
    if args.idle_samples:
        run_idle(args.idle_samples)


if __name__ == "__main__":
    main()
