#!/usr/bin/env python3
"""End-to-end tests of jobscope's web UI in headless Chromium (Debian's /usr/bin/chromium), driven over the
DevTools protocol: a store made by `jobscope ingest` from the postings below, `jobscope serve` on a free port
with the web UI, then search with a facet and the pay slider (and the back button), a posting with its skills
highlighted and the pay estimate, the salary estimator, the market dashboard, a résumé match, a saved search
with its alerts (the store gets an API token for that), and every page on a phone-sized screen. Screenshots go to --out. Exit 0: passed; 1: failed; 77: skipped (no chromium).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Page  # noqa: E402

SKIP = 77

POSTINGS = """title,company,location,description,salary,date_posted
Senior NLP Engineer,Acme,"Boston, MA","Requirements: Python and PyTorch for NLP and large language models. Nice to have: Kubernetes.",$150K-$180K,2024-03-04
NLP Engineer,Orbit,"New York, NY","Build retrieval-augmented generation with Python, PyTorch and Hugging Face transformers.",$130K-$160K,2024-04-11
Machine Learning Engineer,Beta,"Austin, TX","Train and ship ranking models in Python with XGBoost and SQL; deploy on AWS.",$140K-$170K,2024-04-20
Data Analyst,Gamma,"Chicago, IL","SQL and Tableau dashboards for the sales team; Excel reporting.",$70K-$90K,2024-05-02
Computer Vision Engineer,Delta,Remote,"OpenCV and PyTorch for perception and object detection. Fully remote.",$160K-$200K,2024-05-03
Data Engineer,Epsilon,"Seattle, WA","Spark, Airflow and Kafka pipelines into Snowflake; Python and SQL.",$135K-$165K,2024-05-15
Junior Data Scientist,Zeta,"Denver, CO","Statistics, Python, pandas and scikit-learn for forecasting. 0-2 years.",$85K-$105K,2024-06-01
MLOps Engineer,Eta,Remote,"Kubernetes, MLflow and Docker for model serving; Terraform on AWS. Fully remote.",$150K-$185K,2024-06-10
Research Scientist,Theta,"San Francisco, CA","Publish at NeurIPS; deep learning research in PyTorch and JAX. PhD required.",$200K-$260K,2024-06-12
Senior NLP Engineer,Iota,"Boston, MA","LLM fine-tuning and prompt engineering with Python and PyTorch; RAG with LangChain.",,2024-06-20
"""

RESUME = """Jane Doe
Boston, MA

Experience
Senior NLP Engineer, Initech, Jan 2018 - Present
Built large language model services in Python and PyTorch; fine-tuned transformers for NLP.
Deployed retrieval-augmented generation with Hugging Face.

Skills: Python, PyTorch, NLP, SQL, Hugging Face
"""


def log(text):
    print(text, flush=True)


class Harness:
    def __init__(self, args):
        self.args = args
        self.tmp = tempfile.mkdtemp(prefix="jobscope-web-e2e-")
        self.server = self.browser = None
        self.page = None
        self.base = ""
        self.token = ""

    def start_server(self):
        csv = os.path.join(self.tmp, "jobs.csv")
        with open(csv, "w") as out:
            out.write(POSTINGS)
        db = os.path.join(self.tmp, "store.db")
        subprocess.run([self.args.jobscope, "ingest", csv, "--db", db], check=True, stdout=subprocess.DEVNULL)
        made = subprocess.run([self.args.jobscope, "token", "create", "--name", "web-e2e", "--db", db, "--json"],
                              check=True, capture_output=True, text=True)
        self.token = json.loads(made.stdout)["token"]
        self.server = subprocess.Popen(
            [self.args.jobscope, "serve", "--db", db, "--port", "0", "--threads", "4", "--web-dir", self.args.web_dir],
            stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.server.stderr.readline()
            if not line:
                raise RuntimeError("jobscope serve exited: " + self.server.stderr.read())
            found = re.search(r"serving http://([\d.]+):(\d+)/", line)
            if found:
                self.base = f"http://{found.group(1)}:{found.group(2)}"
                return
        raise RuntimeError("jobscope serve did not start in 30 s")

    def start_browser(self):
        profile = os.path.join(self.tmp, "chromium")
        self.browser = subprocess.Popen(
            [self.args.chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
             "--disable-sync", "--metrics-recording-only", "--mute-audio", "--hide-scrollbars",
             f"--user-data-dir={profile}", "--remote-debugging-port=0", "--window-size=1280,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.browser.stderr.readline()
            if not line:
                raise RuntimeError("chromium exited before its DevTools endpoint opened")
            found = re.search(r"DevTools listening on ws://([^/]+)/", line)
            if found:
                port_host = found.group(1)
                break
        else:
            raise RuntimeError("chromium did not open DevTools in 30 s")
        targets = json.load(urllib.request.urlopen(f"http://{port_host}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        self.page = Page(page["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log", "DOM"):
            self.page.send(f"{domain}.enable")

    def api(self, method, path, body=b"", content_type="application/json"):
        """Calls the API with the harness's token; the JSON answer."""
        request = urllib.request.Request(self.base + "/api/v1" + path, data=body, method=method,
                                         headers={"Authorization": f"Bearer {self.token}", "Content-Type": content_type})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def shot(self, name):
        # Every page checked before its picture: no placeholder a missing field would leave.
        stray = self.page.evaluate(
            "(document.querySelector('main').innerText.match(/\\b(null|undefined|NaN)\\b|\\[object /) || [''])[0]")
        assert not stray, f"the page shows '{stray}'"
        path = os.path.join(self.args.out, name)
        self.page.screenshot(path)
        log(f"  screenshot {path}")

    def stop(self):
        for process in (self.browser, self.server):
            if process and process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)


def js(value):
    return json.dumps(value)


# ---- the tests ----------------------------------------------------------------------------------------------

def test_search_with_a_facet_and_the_pay_slider(h):
    p = h.page
    p.goto(h.base + "/")
    p.wait_for("document.querySelectorAll('#hits .hit').length === 10", what="every posting listed")
    # Search as you type: the results follow each key.
    p.evaluate("document.getElementById('q').focus()")
    p.type_text("engin")
    p.wait_for("new URLSearchParams(location.search).get('q') === 'engin' && "
               "/\\d+ postings? for “engin”/.test(document.getElementById('summary').textContent)",
               what="results for the prefix 'engin'")
    # A role facet, toggled from the keyboard.
    box = "document.getElementById('f-role-nlp_engineer')"
    p.wait_for(f"{box} !== null", what="the nlp_engineer facet")
    p.evaluate(f"{box}.focus()")
    p.press(" ", code="Space", key_code=32, text=" ")
    p.wait_for("new URLSearchParams(location.search).getAll('role').includes('nlp_engineer')", what="role in the URL")
    p.wait_for("[...document.querySelectorAll('#hits .hit .meta')].length > 0 && "
               "[...document.querySelectorAll('#hits .hit .meta')].every(m => m.textContent.includes('NLP engineer'))",
               what="only NLP engineer hits")
    with_role = p.evaluate("document.querySelectorAll('#hits .hit').length")
    assert with_role == 3, f"3 NLP postings expected, got {with_role}"
    # The pay slider, from the keyboard: 17 steps of $10k = $170k (Orbit's $130k-$160k drops out).
    p.evaluate("document.getElementById('min-salary').focus()")
    for _ in range(17):
        p.press("ArrowRight", key_code=39)
    p.wait_for("new URLSearchParams(location.search).get('min_salary') === '170000'", what="min_salary in the URL")
    p.wait_for("document.querySelectorAll('#hits .hit').length === 1", what="one NLP posting paying $170k+")
    assert "$180k" in p.evaluate("document.querySelector('#hits .hit .pay').textContent")
    assert p.evaluate("document.getElementById('min-salary-out').textContent") == "$170k+"
    h.shot("search.png")
    # Shareable: the same URL in a fresh load gives the same state.
    url = p.evaluate("location.href")
    p.goto(url)
    p.wait_for("document.querySelectorAll('#hits .hit').length === 1 && "
               "document.getElementById('f-role-nlp_engineer').checked && "
               "document.getElementById('min-salary').value === '170000'", what="the state restored from the URL")
    # Back: the slider's last committed step is undone.
    p.evaluate("history.back()")
    p.wait_for("new URLSearchParams(location.search).get('min_salary') !== '170000'", what="back to a lower pay")
    p.wait_for("document.getElementById('min-salary').value !== '170000' && "
               "document.querySelectorAll('#hits .hit').length >= 1", what="the slider following the URL")


def test_open_a_posting(h):
    p = h.page
    p.goto(h.base + "/?q=pytorch&role=nlp_engineer")
    link = "[...document.querySelectorAll('#hits .hit h2 a')].find(a => a.textContent === 'Senior NLP Engineer' && " \
           "a.closest('.hit').textContent.includes('Acme'))"
    p.wait_for(f"{link} !== undefined", what="the Acme posting in the hits")
    p.evaluate(f"{link}.click()")
    p.wait_for("location.pathname.endsWith('posting.html') && document.querySelector('#posting h1') !== null",
               what="the posting page")
    p.wait_for("document.querySelectorAll('#description mark.skill').length >= 2", what="highlighted skills")
    marks = p.evaluate("[...document.querySelectorAll('#description mark.skill')].map(m => m.textContent)")
    assert "PyTorch" in marks and "Python" in marks, marks
    p.wait_for("document.getElementById('estimate') !== null", timeout=30, what="the salary estimate")
    pay = p.evaluate("document.getElementById('pay').textContent")
    assert "Posted: $150k–$180k" in pay, pay
    assert re.search(r"Estimate: \$\d+k median", pay), pay
    assert p.evaluate("document.querySelector('#pay svg.chart') !== null")
    p.wait_for("document.querySelectorAll('#similar li a').length >= 1", what="similar postings")
    h.shot("posting.png")


def test_salary_estimate(h):
    p = h.page
    p.goto(h.base + "/salary.html")
    p.evaluate("document.getElementById('title').value = 'Senior Machine Learning Engineer';"
               "document.getElementById('location').value = 'London, UK';"
               "document.getElementById('skills').value = 'python';")
    p.evaluate("document.querySelector('#estimate-form button[type=submit]').click()")
    p.wait_for("document.getElementById('p50') !== null", timeout=30, what="the estimate")
    body = p.evaluate("document.getElementById('estimate-body').textContent")
    assert "P10" in body and "P90" in body and "Senior" in body and "GB" in body, body
    assert "title=Senior+Machine+Learning+Engineer" in p.evaluate("location.search")
    h.shot("salary.png")


def test_dashboard(h):
    p = h.page
    p.goto(h.base + "/dashboard.html")
    p.wait_for("!!(document.querySelector('#skills-chart svg') && document.querySelector('#level-pay svg') && "
               "document.querySelector('#role-pay svg') && document.querySelector('#months svg'))",
               what="the charts")
    tiles = p.evaluate("document.getElementById('headline').textContent")
    assert "10" in tiles, tiles
    months = p.evaluate("document.querySelectorAll('#months svg .bar').length")
    assert months == 4, f"4 months of postings expected (March to June), got {months}"
    level_rows = p.evaluate("[...document.querySelectorAll('#level-pay .range-row title')].map(t => t.textContent)")
    assert level_rows and all("postings" in row for row in level_rows), level_rows
    assert any("thin" in row for row in level_rows), "fewer than 30 postings are marked thin"
    h.shot("dashboard.png")


def test_match_a_resume(h):
    p = h.page
    resume = os.path.join(h.tmp, "jane.txt")
    with open(resume, "w") as out:
        out.write(RESUME)
    p.goto(h.base + "/match.html")
    document = p.send("DOM.getDocument")
    node = p.send("DOM.querySelector", nodeId=document["root"]["nodeId"], selector="#resume-file")["nodeId"]
    p.send("DOM.setFileInputFiles", nodeId=node, files=[resume])
    p.evaluate("document.querySelector('#match-form button[type=submit]').click()")
    p.wait_for("document.querySelectorAll('.match').length >= 3", timeout=30, what="the matches")
    first = p.evaluate("document.querySelector('.match h3').textContent")
    assert "NLP Engineer" in first, first
    parts = p.evaluate("[...document.querySelector('.match .parts').querySelectorAll('.part-name')].map(e => e.textContent)")
    assert parts[:2] == ["Required skills", "Nice skills"], parts
    have = p.evaluate("[...document.querySelectorAll('.match')[0].querySelectorAll('.chips.have li')].map(e => e.textContent)")
    assert any("PyTorch" in skill for skill in have), have
    assert p.evaluate("document.querySelectorAll('#profile-skills li').length") >= 3
    h.shot("match.png")
    # Pasted text works the same way.
    p.goto(h.base + "/match.html")
    p.evaluate(f"document.getElementById('resume-text').value = {js(RESUME)};"
               "document.querySelector('#match-form button[type=submit]').click()")
    p.wait_for("document.querySelectorAll('.match').length >= 3", timeout=30, what="the matches from pasted text")


def test_career_plan(h):
    p = h.page
    p.goto(h.base + "/career.html")
    p.wait_for("document.querySelectorAll('#target option').length === 13", what="the role lists")
    assert p.evaluate("document.querySelector('nav.site a[aria-current=page]').dataset.page") == "career"
    p.evaluate("document.getElementById('skills').value = 'python, sql, scikit-learn, statistics';"
               "document.getElementById('role').value = 'data_scientist';"
               "document.getElementById('level').value = 'mid';"
               "document.getElementById('target').value = 'nlp_engineer';"
               "document.querySelector('#career-form button[type=submit]').click()")
    p.wait_for("document.querySelectorAll('.next-role').length > 0 && "
               "document.querySelectorAll('.stages .stage').length > 0", timeout=30, what="the next roles and the plan")
    here = p.evaluate("document.getElementById('here-title').textContent")
    assert here == "You are here: Data scientist · Mid", here
    nexts = p.evaluate("document.querySelectorAll('.next-role').length")
    assert nexts >= 3, f"3 or more next roles expected, got {nexts}"
    kinds = p.evaluate("[...document.querySelectorAll('.kind h3')].map(e => e.textContent)")
    assert any(k.startswith("Advancement") for k in kinds), kinds
    # Each card: a fit meter with its width set, pay now and there, and a thin badge wherever a figure is thin.
    assert p.evaluate("[...document.querySelectorAll('.next-role .meter[role=meter]')].length") == nexts
    assert p.evaluate("[...document.querySelectorAll('.next-role .fill')].every(f => f.style.width.endsWith('%'))")
    assert p.evaluate("[...document.querySelectorAll('.next-role')].every(c => c.querySelector('.pay-now') && "
                      "c.querySelector('.pay-there') && /\\$\\d+k/.test(c.querySelector('.pay-there').textContent))")
    assert p.evaluate("[...document.querySelectorAll('.badge.thin')].every(b => b.textContent === 'thin' && "
                      "b.title.startsWith('Thin:'))")
    assert p.evaluate("document.querySelectorAll('.badge.thin').length") >= 1, "the small store's figures are thin"
    stages = p.evaluate("[...document.querySelectorAll('.stages .stage')].map(s => s.querySelector('.unlocks') ? "
                        "s.querySelector('.unlocks').textContent : '')")
    assert stages and all(re.match(r"Unlocks \d+ more postings? \(\d+ in all\)$", s) for s in stages), stages
    assert p.evaluate("document.querySelectorAll('.missing-table tbody tr').length") >= 1
    assert "target=nlp_engineer" in p.evaluate("location.search")
    h.shot("career.png")
    # A pasted résumé is POSTed: its role and level place the person, and nothing of it goes into the address.
    p.goto(h.base + "/career.html")
    p.wait_for("document.querySelectorAll('#target option').length === 13", what="the role lists")
    p.evaluate(f"document.getElementById('resume-text').value = {js(RESUME)};"
               "document.getElementById('target').value = 'ml_engineer';"
               "document.querySelector('#career-form button[type=submit]').click()")
    p.wait_for("document.querySelectorAll('.stages .stage').length > 0", timeout=30, what="the plan for a résumé")
    here = p.evaluate("document.getElementById('here-title').textContent")
    assert here == "You are here: NLP engineer · Senior", here
    assert p.evaluate("location.search") == ""
    # A newcomer: a start in each of the 12 specialisations.
    p.goto(h.base + "/career.html")
    p.wait_for("document.querySelectorAll('#role option').length === 13", what="the role lists")
    p.evaluate("document.getElementById('start').click();"
               "document.querySelector('#career-form button[type=submit]').click()")
    p.wait_for("document.querySelectorAll('.start-card').length > 0", timeout=30, what="the newcomer's guide")
    cards = p.evaluate("document.querySelectorAll('.start-card').length")
    assert cards == 12, f"12 specialisations expected, got {cards}"
    assert p.evaluate("[...document.querySelectorAll('.start-card')].every(c => "
                      "c.querySelectorAll('.flow > li').length >= 1 && c.querySelectorAll('.first-roles li').length >= 1)")
    assert p.evaluate("new URLSearchParams(location.search).get('start')") == "true"
    h.shot("career-start.png")


NEW_POSTINGS = [
    {"title": "NLP Engineer", "company": "Kappa", "location": "Boston, MA",
     "description": "Fine-tune transformers for NLP search with Python and PyTorch.", "salary": "$150K-$170K",
     "date_posted": "2024-06-28"},
    {"title": "Data Analyst", "company": "Lambda", "location": "Chicago, IL",
     "description": "SQL and Excel reports for finance.", "salary": "$60K-$80K", "date_posted": "2024-06-28"},
]


def test_saved_search_alerts(h):
    p = h.page
    search = h.base + "/?q=pytorch&role=nlp_engineer"
    hits_ready = "document.querySelectorAll('#hits .hit').length > 0"
    status = "document.getElementById('alerts-status').textContent"
    # Without a token in this tab the save form asks for one, and a wrong one gets the problem's detail.
    p.goto(search)
    p.wait_for(hits_ready, what="the NLP postings naming PyTorch")
    p.evaluate("document.getElementById('save-open').click()")
    p.wait_for("!document.getElementById('save-form').hidden && document.activeElement.id === 'save-name'",
               what="the save form, its name field focused")
    assert p.evaluate("document.getElementById('save-open').getAttribute('aria-expanded')") == "true"
    assert not p.evaluate("document.getElementById('save-token-box').hidden"), "no token yet: the form asks for one"
    p.evaluate("document.getElementById('save-name').value = 'nlp-pytorch';"
               "document.getElementById('save-token').value = 'jst_wrong';"
               "document.querySelector('#save-form button[type=submit]').click()")
    p.wait_for("/not one this store knows/.test(document.getElementById('save-status').textContent)",
               what="the 401's detail")
    assert p.evaluate("sessionStorage.getItem('jobscope.token')") is None, "a refused token is not kept"

    # The token, set on the alerts page from the keyboard, is kept in sessionStorage.
    p.goto(h.base + "/alerts.html")
    p.wait_for("document.querySelector('#searches li') !== null", what="the saved searches")
    assert p.evaluate("document.querySelector('nav.site a[aria-current=page]').dataset.page") == "alerts"
    assert p.evaluate("document.querySelectorAll('#searches .saved-search').length") == 0
    p.evaluate("document.getElementById('token').focus()")
    p.send("Input.insertText", text=h.token)
    p.press("Enter", key_code=13, text="\r")
    p.wait_for(f"sessionStorage.getItem('jobscope.token') === {js(h.token)}", what="the token in sessionStorage")
    assert p.evaluate("localStorage.getItem('jobscope.token')") is None
    assert p.evaluate("document.getElementById('token').value") == "", "the token is not shown back"
    assert "token is set" in p.evaluate("document.getElementById('token-state').textContent")

    # Save the search (a query and a role) under a name; the token field is gone now.
    p.goto(search)
    p.wait_for(hits_ready, what="the NLP postings naming PyTorch")
    p.evaluate("document.getElementById('save-open').click()")
    p.wait_for("document.activeElement.id === 'save-name'", what="the save form")
    assert p.evaluate("document.getElementById('save-token-box').hidden"), "a token is set: no token field"
    p.send("Input.insertText", text="nlp-pytorch")  # replaces the suggested name, which is selected
    p.press("Enter", key_code=13, text="\r")
    p.wait_for("document.getElementById('save-status').textContent === 'Saved. See Alerts.'", what="Saved.")
    assert p.evaluate("document.querySelector('#save-status a').getAttribute('href')") == "alerts.html"
    assert p.evaluate("document.getElementById('save-form').hidden")
    saved = h.api("GET", "/alerts")["saved_searches"]
    assert [(s["name"], s["query"], s["filters"]["roles"]) for s in saved] == [("nlp-pytorch", "pytorch", ["nlp_engineer"])], saved

    # Listed on the alerts page with its query and filters.
    item = "document.querySelector('#searches .saved-search[data-name=\"nlp-pytorch\"]')"
    p.goto(h.base + "/alerts.html")
    p.wait_for(f"{item} !== null", what="the saved search listed")
    text = p.evaluate(f"{item}.textContent")
    assert "“pytorch”" in text and "NLP engineer" in text and "not checked yet" in text, text
    assert p.evaluate(f"{item}.querySelector('a[href^=\"/?\"]').getAttribute('href')") == "/?q=pytorch&role=nlp_engineer"

    # Two new postings, one of them matching; a peek shows it and leaves it unseen.
    body = "".join(json.dumps(posting) + "\n" for posting in NEW_POSTINGS).encode()
    ingested = h.api("POST", "/ingest?format=jsonl", body, "application/x-ndjson")
    assert ingested["counts"]["stored"] == 2, ingested
    p.evaluate("document.getElementById('peek').click()")
    p.evaluate(f"{item}.querySelector('button.check-one').click()")
    p.wait_for(f"{status} === '“nlp-pytorch”: 1 new posting (peek: not marked as seen).'", what="the peek")
    assert "peek: still unseen" in p.evaluate(f"{item}.textContent")
    # Checked for real (from the keyboard: the focus stays on the search's "Check now"): the same posting.
    p.evaluate("document.getElementById('peek').click()")
    p.evaluate(f"{item}.querySelector('button.check-one').focus()")
    p.press("Enter", key_code=13, text="\r")
    p.wait_for(f"{status} === '“nlp-pytorch”: 1 new posting.'", what="the check")
    links = p.evaluate(f"[...{item}.querySelectorAll('.new-posting a')].map(a => [a.textContent, a.getAttribute('href')])")
    assert len(links) == 1 and links[0][0] == "NLP Engineer" and links[0][1].startswith("posting.html?id="), links
    meta = p.evaluate(f"{item}.querySelector('.new-posting .meta').textContent")
    assert "Kappa" in meta and "Boston, MA" in meta and "Jun 28, 2024" in meta and "$150k–$170k" in meta, meta
    assert "last checked" in p.evaluate(f"{item}.textContent")
    assert p.evaluate("document.activeElement.classList.contains('check-one')"), "the focus stays on Check now"
    h.shot("alerts.png")
    # Again: nothing new.
    p.press("Enter", key_code=13, text="\r")
    p.wait_for(f"{status} === '“nlp-pytorch”: no new postings.'", what="the second check")
    assert p.evaluate(f"{item}.querySelector('.no-new').textContent") == "No new postings since the last check."
    assert p.evaluate(f"{item}.querySelectorAll('.new-posting').length") == 0

    # Removed: the list is empty, here and in the API.
    p.evaluate(f"{item}.querySelector('button.remove').click()")
    p.wait_for(f"{status} === 'Removed “nlp-pytorch”.'", what="the removal")
    p.wait_for("document.querySelectorAll('#searches .saved-search').length === 0 && "
               "document.querySelector('#searches li.empty') !== null", what="an empty list")
    assert h.api("GET", "/alerts")["saved_searches"] == []


def test_phone_screen(h):
    p = h.page
    p.send("Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=2, mobile=True)
    try:
        loaded = "document.querySelector('main') !== null"
        for page, ready in (("/?q=engineer", loaded), ("/dashboard.html", loaded), ("/match.html", loaded),
                            ("/salary.html", loaded), ("/career.html", loaded),
                            ("/alerts.html", "document.querySelector('#searches li') !== null"),
                            ("/career.html?skills=python,sql&role=data_scientist&level=mid&target=nlp_engineer",
                             "document.querySelectorAll('.stages .stage').length > 0"),
                            ("/career.html?start=true", "document.querySelectorAll('.start-card').length === 12")):
            p.goto(h.base + page)
            p.wait_for(ready, what=f"{page} on a phone")
            time.sleep(0.3)
            overflow = p.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{page} is {overflow}px wider than a phone screen"
        p.goto(h.base + "/?q=engineer")
        p.wait_for("document.querySelectorAll('#hits .hit').length > 0")
        h.shot("search-phone.png")
    finally:
        p.send("Emulation.clearDeviceMetricsOverride")


TESTS = [test_search_with_a_facet_and_the_pay_slider, test_open_a_posting, test_salary_estimate, test_dashboard,
         test_match_a_resume, test_career_plan, test_saved_search_alerts, test_phone_screen]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobscope", required=True)
    parser.add_argument("--web-dir", required=True)
    parser.add_argument("--out", required=True, help="folder for the screenshots")
    parser.add_argument("--chromium", default=os.environ.get("JOBSCOPE_CHROMIUM", "/usr/bin/chromium"))
    args = parser.parse_args()
    if not (os.path.isfile(args.chromium) and os.access(args.chromium, os.X_OK)):
        log(f"SKIP: no Chromium at {args.chromium} (scripts/setup installs Debian's chromium)")
        return SKIP
    os.makedirs(args.out, exist_ok=True)
    h = Harness(args)
    failed = 0
    started = time.monotonic()
    try:
        h.start_server()
        h.start_browser()
        for test in TESTS:
            t0 = time.monotonic()
            try:
                test(h)
                log(f"PASS {test.__name__} ({time.monotonic() - t0:.1f} s)")
            except Exception:  # noqa: BLE001 - every failure is reported, the others still run
                failed += 1
                log(f"FAIL {test.__name__}\n{traceback.format_exc()}")
                try:
                    h.shot(f"FAILED-{test.__name__}.png")
                except Exception:  # noqa: BLE001
                    pass
        errors = [e for e in h.page.errors() if not e.startswith("network:")]
        if errors:
            failed += 1
            log("FAIL the pages logged errors:\n  " + "\n  ".join(errors))
    finally:
        h.stop()
    log(f"{len(TESTS)} tests, {failed} failed, {time.monotonic() - started:.1f} s; screenshots in {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
