#!/usr/bin/env python3
"""Scale-out on loopback (docs/SCALING.md): one PostgreSQL store, two `jobscope serve` behind haproxy, two
`jobscope ingest` workers writing at the same time (both are given one file in common).

While the workers run, wrk (when installed) loads the search endpoint through haproxy with the queries of
bench/load_queries.txt (plain, faceted, filtered) for `--load-seconds` (at least as long as the ingest).
The store's URI carries a password (the test server trusts any): it must appear in no output or log.

Checks, once the workers are done:
- the store holds every posting once: the same ids as an SQLite ingest of the same files, and no two
  postings with one duplicate key left unlinked (the links are made in the database);
- both servers took in what the workers stored (they follow the store) and answer every query the same,
  directly and through haproxy; no request of the load failed (socket errors, non-2xx answers);
- the password is nowhere in what the workers, servers and haproxy wrote.

Exit 0 on success, 1 on a failed check, 77 (skipped) when no PostgreSQL test server is named
(JOBSCOPE_TEST_PG) or haproxy is missing.
"""
import argparse
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

PASSWORD = "pw-never-shown-0451"
QUERIES = ["python", "machine learning engineer", "pytorch", "data scientist remote", "spark aws", "nlp"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as answer:
        return json.loads(answer.read())


def wait_for(check, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.25)
    raise SystemExit(f"FAIL: timed out waiting for {what}")


def with_database(uri, name, password=None):
    head, _, query = uri.partition("?")
    scheme, _, rest = head.partition("://")
    authority = rest.split("/", 1)[0]
    if password:
        user, at, host = authority.rpartition("@")
        authority = f"{user.split(':')[0]}:{password}@{host}" if at else authority
    return f"{scheme}://{authority}/{name}" + (f"?{query}" if query else "")


def load_paths(source_dir, out_path):
    """The request paths load_bench.sh cycles through: each query plain, faceted, and filtered."""
    lines = [line.strip() for line in open(os.path.join(source_dir, "bench/load_queries.txt"), encoding="utf-8")
             if line.strip() and not line.startswith("#")]
    with open(out_path, "w") as out:
        for query in lines:
            quoted = urllib.parse.quote(query)
            out.write(f"/api/v1/search?q={quoted}\n")
            out.write(f"/api/v1/search?q={quoted}&facets=role,level,remote,skill,salary\n")
            out.write(f"/api/v1/search?q={quoted}&role=ml_engineer,data_scientist&min_salary=100000&facets=role,level\n")


def wrk_counts(report):
    """Requests, failed requests (socket errors and non-2xx/3xx answers) and latency lines of a wrk report."""
    requests = failed = 0
    for line in report.splitlines():
        words = line.split()
        if "requests in" in line:
            requests = int(words[0])
        elif line.strip().startswith("Socket errors:"):
            failed += sum(int(part.split()[-1]) for part in line.split(":", 1)[1].split(","))
        elif line.strip().startswith("Non-2xx or 3xx responses:"):
            failed += int(words[-1])
    return requests, failed


def psql(uri, sql):
    return subprocess.run(["psql", "-X", "-A", "-t", "-q", uri, "-c", sql], check=True, capture_output=True,
                          text=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobscope", required=True)
    parser.add_argument("--data", required=True, help="the shared data folder")
    parser.add_argument("--load-seconds", type=float, default=5, help="wrk load through haproxy while ingesting")
    args = parser.parse_args()
    server = os.environ.get("JOBSCOPE_TEST_PG", "")
    if not server:
        print("skip: JOBSCOPE_TEST_PG names no PostgreSQL test server (scripts/test starts one)")
        return 77
    if not shutil.which("haproxy"):
        print("skip: no haproxy (scripts/setup installs it)")
        return 77
    files = [os.path.join(args.data, "glassdoor-ds-jobs/glassdoor_jobs.csv"),
             os.path.join(args.data, "linkedin-aiml-jobs/ai_ml_jobs_linkedin_original.csv"),
             os.path.join(args.data, "linkedin-aiml-jobs/data_science_job.csv")]
    for path in files:
        if not os.path.exists(path):
            print(f"skip: no shared data {path}")
            return 77

    name = f"jobscope_scale_{os.getpid()}"
    psql(server, f"DROP DATABASE IF EXISTS {name}")
    psql(server, f"CREATE DATABASE {name}")
    uri = with_database(server, name, PASSWORD)
    source_dir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    work = tempfile.mkdtemp(prefix="jobscope-scale-")
    processes = []
    try:
        # The reference: the same files into an SQLite store by one process.
        reference_db = os.path.join(work, "reference.db")
        subprocess.run([args.jobscope, "ingest", "--db", reference_db, *files], check=True, capture_output=True)
        with sqlite3.connect(reference_db) as reference:
            reference_ids = sorted(row[0] for row in reference.execute("SELECT id FROM postings"))

        # The store made empty, two servers following it, haproxy in front.
        subprocess.run([args.jobscope, "ingest", "--db", uri, files[0]], check=True, capture_output=True)
        ports = [free_port(), free_port()]
        for at, port in enumerate(ports):
            env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, f"cache{at}"))
            processes.append(subprocess.Popen(
                [args.jobscope, "serve", "--db", uri, "--port", str(port), "--no-web", "--follow-seconds", "0.5"],
                stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, f"server{at}.log"), "w"), env=env))
        front = free_port()
        config = os.path.join(work, "haproxy.cfg")
        with open(config, "w") as out:
            out.write(f"""global
  maxconn 256
defaults
  mode http
  retries 3
  option redispatch
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  timeout check 10s
frontend jobscope
  bind 127.0.0.1:{front}
  default_backend servers
backend servers
  balance roundrobin
  option httpchk GET /api/v1/health
  default-server check inter 1s fall 5 rise 1
  server a 127.0.0.1:{ports[0]}
  server b 127.0.0.1:{ports[1]}
""")
        processes.append(subprocess.Popen(["haproxy", "-f", config, "-db"], stdout=subprocess.DEVNULL,
                                          stderr=open(os.path.join(work, "haproxy.log"), "w")))
        for port in ports + [front]:
            wait_for(lambda port=port: get(port, "/api/v1/health")["status"] == "ok", 120, f"port {port}")

        # Two workers at once; both are given the third file. The load runs through haproxy meanwhile.
        load = None
        if shutil.which("wrk") and args.load_seconds > 0:
            paths = os.path.join(work, "paths.txt")
            load_paths(source_dir, paths)
            load = subprocess.Popen(["wrk", "-t1", "-c4", f"-d{args.load_seconds}s", "--timeout", "10s", "--latency", "-s",
                                     os.path.join(source_dir, "bench/load_bench.lua"), f"http://127.0.0.1:{front}"],
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                    env=dict(os.environ, LOAD_PATHS=paths))
        started = time.time()
        workers = [subprocess.Popen([args.jobscope, "ingest", "--json", "--db", uri, *inputs],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for inputs in ([files[1], files[2]], [files[2], files[0]])]
        said = []
        for worker in workers:
            out, err = worker.communicate(timeout=600)
            said += [out, err]
            if worker.returncode != 0:
                raise SystemExit(f"FAIL: a worker exited {worker.returncode}: {err}")
        print(f"two workers ingested in {time.time() - started:.1f} s")
        if load:
            report, _ = load.communicate(timeout=600 + args.load_seconds)
            requests, failed = wrk_counts(report)
            print(f"load through haproxy during the ingest: {requests} requests, {failed} failed")
            print("\n".join("  " + line for line in report.splitlines() if "Latency" in line or "%" in line
                            or "Requests/sec" in line))
            if requests == 0 or failed:
                log = open(os.path.join(work, "haproxy.log")).read()[-3000:]
                raise SystemExit(f"FAIL: the load saw {failed} failed of {requests} requests:\n{report}\n{log}")

        stored = sorted(psql(uri, "SELECT id FROM postings").split())
        if stored != reference_ids:
            raise SystemExit(f"FAIL: the store holds {len(stored)} postings ({len(set(stored))} distinct), "
                             f"an SQLite ingest {len(reference_ids)}")
        unlinked_twice = psql(uri, "SELECT count(*) FROM (SELECT duplicate_key FROM postings WHERE duplicate_of IS "
                                   "NULL GROUP BY duplicate_key HAVING count(*) > 1) twice")
        if unlinked_twice != "0":
            raise SystemExit(f"FAIL: {unlinked_twice} duplicate keys with more than one original")
        unnumbered = psql(uri, "SELECT count(*) FROM postings WHERE seq IS NULL")
        if unnumbered != "0":
            raise SystemExit(f"FAIL: {unnumbered} postings no linking pass has seen")

        # Both servers catch up with the store, then answer alike, directly and through haproxy.
        originals = int(psql(uri, "SELECT count(*) FROM postings WHERE duplicate_of IS NULL"))
        wait_for(lambda: all(get(port, "/api/v1/health")["postings"] == originals for port in ports), 120,
                 f"both servers to hold {originals} postings")
        requests = 0
        for query in QUERIES:
            path = "/api/v1/search?" + urllib.parse.urlencode({"q": query, "per_page": 20})
            answers = []
            for port in ports + [front, front]:
                answer = get(port, path)
                requests += 1
                answers.append(([hit["id"] for hit in answer["hits"]], answer["total"]))
            if any(other != answers[0] for other in answers[1:]):
                raise SystemExit(f"FAIL: the servers answer '{query}' differently: {answers}")
        for at in range(2):
            said.append(open(os.path.join(work, f"server{at}.log")).read())
        said.append(open(os.path.join(work, "haproxy.log")).read())
        if any(PASSWORD in text for text in said):
            raise SystemExit("FAIL: the store's password was printed")
        print(f"ok: {len(stored)} postings stored once ({originals} originals), both servers and haproxy answered "
              f"{requests} searches alike")
        return 0
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)
        subprocess.run(["psql", "-X", "-q", server, "-c", f"DROP DATABASE IF EXISTS {name}"], capture_output=True)


if __name__ == "__main__":
    sys.exit(main())
