#!/usr/bin/env python3
"""A whole assessment round in a real browser (headless Chromium through WebDriver).

The committee (admin) opens a round in the browser; 宣传部 fills in its self-assessment and
submits; 财政局 fills in its own, makes a mistake that it sees beside the field, fixes it and
submits; the committee returns 财政局's with a reason, 财政局 submits again, the committee accepts
both. Then the results and the ranking on the page are checked against `kaohe evaluate` on the
same self-assessments, and the page's JSON export against `kaohe evaluate --format json`, byte
for byte. Every page is saved as a screenshot (desktop width, and 375 px for the phone pages).

    python3 Tests/Browser/round_test.py --kaohe .build/debug/kaohe --backend sqlite
    python3 Tests/Browser/round_test.py --kaohe .build/debug/kaohe --backend postgres   # needs KAOHE_TEST_POSTGRES

Needs Debian's chromium and chromium-driver and selenium from PyPI (.ci/run installs them).
Screenshots go to Tests/Browser/screenshots/<backend>/ (ignored by git).
"""
import argparse
import http.cookiejar
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "leshan-shizhong-annual"
ROUND = "2026-annual"
UNITS = "szq-xuanchuan,区委宣传部机关党支部,party-government\nszq-caizheng,区财政局机关党支部,economic\n"
USERS = [("admin", "区直机关工委", "admin", None, "admin-password-1"),
         ("xc", "宣传部填报员", "unit", "szq-xuanchuan", "xc-password-1"),
         ("cz", "财政局填报员", "unit", "szq-caizheng", "cz-password-1"),
         ("hc", "核查人", "verifier", None, "hc-password-1"),
         ("zzb", "组织部填报员", "unit", "mn-zuzhibu", "zzb-password-1"),
         ("kz", "第一考核组 王明", "assessor", None, "kz-password-1"),
         ("mz", "民政局填报员", "unit", "mn-minzhengju", "mz-password-1"),
         ("sw", "商务局填报员", "unit", "mn-shangwuju", "sw-password-1"),
         ("zf", "执法局填报员", "unit", "mn-zhifaju", "zf-password-1")] + \
        [(f"pw{n}", f"评委{n}", "juror", None, f"pw{n}-password-1") for n in range(1, 6)]
ONSITE_ROUND = "2026-maonan"
CONTEST_ROUND = "2026-contest"
COMPETITION = "maonan.innovation-2026"
CONTEST_UNITS = [("mn-zuzhibu", "zzb", "zuzhibu", "区委组织部机关党支部", "party-government", "90"),
                 ("mn-minzhengju", "mz", "minzhengju", "区民政局机关党支部", "social-service", "95.5"),
                 ("mn-shangwuju", "sw", "shangwuju", "区商务局机关党支部", "economic", "70"),
                 ("mn-zhifaju", "zf", "zhifaju", "区综合行政执法局机关党支部", "law-enforcement", "80")]
DIMENSIONS = ["political", "ideological", "feasibility", "novelty", "effectiveness"]


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Database:
    """A scratch database: an SQLite file, or a new database on the PostgreSQL server."""

    def __init__(self, backend, folder):
        self.backend = backend
        self.name = "kaohe_browser_" + uuid.uuid4().hex[:12]
        if backend == "sqlite":
            self.location = str(folder / "kaohe.db")
        else:
            server = os.environ.get("KAOHE_TEST_POSTGRES")
            if not server:
                raise Failure("--backend postgres needs KAOHE_TEST_POSTGRES (eval \"$(bash .ci/postgres.sh start)\")")
            self.server = server
            subprocess.run(["psql", server, "-qc", f"CREATE DATABASE {self.name}"], check=True)
            self.location = server.rsplit("/", 1)[0] + "/" + self.name

    def drop(self):
        if self.backend == "postgres":
            subprocess.run(["psql", self.server, "-qc", f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)"], check=False)


class Round:
    def __init__(self, kaohe, backend, shots):
        self.kaohe = kaohe
        self.shots = shots
        self.folder = Path(tempfile.mkdtemp(prefix="kaohe-browser-"))
        self.db = Database(backend, self.folder)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.server = None
        self.driver = None
        self.count = 0
        self.looked_at = []

    # -- setting up --------------------------------------------------------------------------

    def start(self):
        for user, name, role, unit, password in USERS:
            command = [self.kaohe, "users", "--db", self.db.location, "add", "--id", user, "--name", name, "--role", role]
            if unit:
                command += ["--unit", unit]
            subprocess.run(command, input=password + "\n", text=True, check=True, capture_output=True)
        self.log = open(self.folder / "server.log", "w")
        self.server = subprocess.Popen([self.kaohe, "serve", "--rules", str(ROOT / "rules"), "--db", self.db.location,
                                        "--port", str(self.port)], stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)
        for _ in range(300):
            try:
                urllib.request.urlopen(self.base + "/login", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise Failure("kaohe serve did not start: " + (self.folder / "server.log").read_text())
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1280,1000", "--lang=zh-CN", "--hide-scrollbars"]:
            options.add_argument(argument)
        binary = shutil.which("chromium")
        if binary:
            options.binary_location = binary
        driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
        self.driver = webdriver.Chrome(service=Service(driver), options=options)
        self.driver.implicitly_wait(2)

    def stop(self):
        if self.driver:
            self.driver.quit()
        if self.server:
            self.server.kill()
            self.server.wait()
        self.db.drop()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- the browser -------------------------------------------------------------------------

    def go(self, path):
        self.driver.get(self.base + path)

    def shot(self, name, width=1280):
        self.driver.set_window_size(width, 1000)
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(width, min(max(height + 40, 600), 8000))
        self.count += 1
        path = self.shots / f"{self.count:02d}-{name}.png"
        self.driver.save_screenshot(str(path))
        self.driver.set_window_size(1280, 1000)
        self.looked_at.append(path.name)

    def fits_a_phone(self, what):
        """At 375 px the page itself must not scroll sideways (wide tables scroll inside themselves)."""
        self.driver.set_window_size(375, 812)
        width = self.driver.execute_script("return document.documentElement.scrollWidth")
        viewport = self.driver.execute_script("return document.documentElement.clientWidth")
        self.driver.set_window_size(1280, 1000)
        check(width <= viewport, f"{what} is {width} px wide on a {viewport} px phone screen")

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text

    def field(self, name):
        return self.driver.find_element(By.NAME, name)

    def set_value(self, name, value):
        """Types into a field as a person would (clearing it first); dates and long texts are set
        directly, as a date picker or a paste would."""
        element = self.field(name)
        if element.get_attribute("type") in ("date", "month") or len(value) > 200:
            self.driver.execute_script("arguments[0].value = arguments[1]", element, value)
        else:
            element.clear()
            element.send_keys(value)

    def click(self, text):
        for button in self.driver.find_elements(By.CSS_SELECTOR, "button, a"):
            if button.text.strip() == text and button.is_displayed():
                self.press(button)
                return
        raise Failure(f"no button or link '{text}' on {self.driver.current_url}")

    def press(self, element):
        """Clicks a button or link and waits for the page it leads to."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        element.click()

        def left(_):
            # The old page is gone once its root element is stale; Chromium sometimes says so as
            # "does not belong to the document" instead of a stale-element error.
            try:
                page.is_enabled()
                return False
            except StaleElementReferenceException:
                return True
            except WebDriverException as error:
                if "does not belong to the document" in str(error):
                    return True
                raise
        WebDriverWait(self.driver, 20).until(left)
        WebDriverWait(self.driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def sign_in(self, user, password):
        self.go("/login")
        self.set_value("user", user)
        self.set_value("password", password)
        self.click("登录")
        check(self.driver.current_url.endswith("/rounds"), f"{user} did not reach the rounds page: {self.driver.current_url}")

    def sign_out(self):
        self.click("退出")
        check("/login" in self.driver.current_url, "退出 did not return to the sign-in page")

    def api(self, path):
        """GET under the signed-in browser's session (the cookie copied into urllib)."""
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        cookie = self.driver.get_cookie("kaohe_session")
        check(cookie is not None, "no session cookie in the browser")
        check(cookie.get("httpOnly") is True, "the session cookie is not HttpOnly")
        request = urllib.request.Request(self.base + path, headers={"Cookie": f"kaohe_session={cookie['value']}"})
        with opener.open(request) as answer:
            return answer.read()

    # -- the round ---------------------------------------------------------------------------

    def run(self):
        d = self.driver
        self.go("/")
        self.shot("sign-in")
        self.sign_in("admin", "admin-password-1")
        self.shot("rounds-empty")
        self.click("开启新的考核轮次")
        self.set_value("id", ROUND)
        Select(self.field("checklist")).select_by_value("leshan-shizhong.annual")
        self.set_value("as_of", "2026-11-30")
        self.set_value("units", UNITS)
        self.shot("open-round")
        self.click("开启轮次")
        check(d.current_url.endswith(f"/rounds/{ROUND}"), "opening the round did not show it")
        check("共 2 个单位，已提交 0 个" in self.text(), "the new round does not list its two units")
        self.shot("round-opened")
        self.sign_out()

        # 宣传部: its prepared self-assessment pasted into the text editor, one value changed in the form, submitted.
        self.sign_in("xc", "xc-password-1")
        self.go(f"/rounds/{ROUND}")
        check("区财政局" not in self.text(), "a unit sees another unit's row")
        self.click("填报")
        self.shot("unit-form-blank")
        self.click("以文本方式编辑")
        self.set_value("document", (EXAMPLES / "xuanchuan.yaml").read_text(encoding="utf-8"))
        self.click("保存草稿")
        check("已保存草稿（第 1 版）" in self.text(), "宣传部's draft was not saved: " + self.text()[:300])
        self.go(f"/rounds/{ROUND}/units/szq-xuanchuan")
        check(self.field("fact.study_sessions").get_attribute("value") == "14", "the form does not show the saved draft")
        self.set_value("fact.study_sessions", "15")
        self.click("保存草稿")
        check("已保存草稿（第 2 版）" in self.text(), "the form did not save")
        self.shot("unit-form-filled")
        self.click("提交")
        check("已提交，结果如下" in self.text(), "宣传部's submission failed: " + self.text()[:300])
        self.shot("unit-result")
        self.shot("unit-result-phone", width=375)
        self.fits_a_phone("宣传部's result")
        self.sign_out()

        # 财政局: pasted, a mistake typed into the form, seen beside the field, fixed, submitted.
        self.sign_in("cz", "cz-password-1")
        self.go(f"/rounds/{ROUND}/units/szq-caizheng?mode=text")
        self.set_value("document", (EXAMPLES / "caizheng.yaml").read_text(encoding="utf-8"))
        self.click("保存草稿")
        self.go(f"/rounds/{ROUND}/units/szq-caizheng")
        self.set_value("fact.members", "-3")
        self.click("提交")
        check("未能提交" in self.text(), "a wrong value was submitted")
        error = d.find_element(By.XPATH, "//*[@name='fact.members']/following-sibling::span[@class='field-error']")
        check(error.is_displayed() and error.text, "the mistake is not shown beside its field")
        self.looked_at.append(f"the mistake beside 党员人数: {error.text}")
        self.count += 1
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", error)
        error.find_element(By.XPATH, "./ancestor::*[contains(@class, 'item')][1]").screenshot(str(self.shots / f"{self.count:02d}-unit-mistake-field.png"))
        self.shot("unit-mistake")
        self.shot("unit-mistake-phone", width=375)
        self.fits_a_phone("财政局's form")
        self.set_value("fact.members", "16")
        self.click("提交")
        check("已提交，结果如下" in self.text(), "财政局's corrected submission failed: " + self.text()[:300])
        self.sign_out()

        # The committee returns 财政局's with a reason; 财政局 sees it and submits again.
        self.sign_in("admin", "admin-password-1")
        self.go(f"/rounds/{ROUND}")
        check("共 2 个单位，已提交 2 个" in self.text(), "the overview does not count both submissions")
        self.shot("round-submitted")
        self.set_value("reason", "请补充巡察整改佐证")
        self.press(d.find_element(By.CSS_SELECTOR, "form[action$='/szq-caizheng/return'] button"))
        check("已退回" in self.text(), "returning did not show 已退回")
        self.shot("round-returned")
        self.sign_out()
        self.sign_in("cz", "cz-password-1")
        self.go(f"/rounds/{ROUND}/units/szq-caizheng")
        check("退回原因：请补充巡察整改佐证" in self.text(), "the unit does not see why it was returned")
        self.shot("unit-returned")
        self.click("提交")
        check("已提交，结果如下" in self.text(), "the resubmission failed")
        self.sign_out()

        # The committee accepts both and reads the ranking.
        self.sign_in("admin", "admin-password-1")
        self.go(f"/rounds/{ROUND}")
        for unit in ["szq-caizheng", "szq-xuanchuan"]:
            self.press(d.find_element(By.CSS_SELECTOR, f"form[action$='/{unit}/accept'] button"))
        check(self.text().count("已受理") == 2, "accepting did not show 已受理 twice")
        self.shot("round-accepted")
        self.click("查看排名和结果")
        self.shot("results")
        page = self.text()
        self.check_against_evaluate(page)
        self.sign_out()
        self.follow_up()
        self.onsite()
        self.competition()

    def follow_up(self):
        """After the round: 财政局 reports a problem rectified, the verifier closes it (销号), the
        committee publishes November's 月通报 and prints it to PDF."""
        d = self.driver
        self.sign_in("cz", "cz-password-1")
        self.click("整改台账")
        check("共 17 项" in self.text(), "财政局's ledger does not list its 17 problems: " + self.text()[:200])
        self.shot("ledger-unit")
        self.press(d.find_element(By.CSS_SELECTOR, "main table a"))
        item = d.current_url.rsplit("/", 1)[1]
        d.find_element(By.CSS_SELECTOR, "input[name='status'][value='rectified']").click()
        self.set_value("note", "已于12月补开支委会并规范记录")
        self.set_value("evidence", "支委会记录本第12页")
        self.shot("ledger-item-unit", width=375)
        self.click("提交")
        check("已整改待销号" in self.text(), "the unit's report of rectification did not show")
        self.sign_out()
        self.sign_in("hc", "hc-password-1")
        self.go("/ledger?status=rectified")
        check("共 1 项" in self.text(), "the verifier does not see the one item awaiting 销号")
        self.go(f"/ledger/{item}")
        check("已于12月补开支委会并规范记录" in self.text(), "the verifier does not see the unit's note")
        d.find_element(By.CSS_SELECTOR, "input[name='status'][value='closed']").click()
        self.set_value("note", "核查属实")
        self.click("提交")
        check("已销号" in self.text(), "销号 did not show")
        self.shot("ledger-item-closed")
        self.sign_out()
        self.sign_in("admin", "admin-password-1")
        self.click("月通报")
        # The form proposes the month just ended (China time); the round's problems date from 2026-11-30.
        month = self.field("month").get_attribute("value")
        year, number = int(month[:4]), int(month[5:])
        self.set_value("number", f"市中机工委〔{year}〕12号")
        self.click("生成并发布")
        text = self.text()
        check(f"关于{year}年{number}月机关党建问题整改情况的通报" in text and "全区累计发现机关党建问题17个" in text,
              "the 月通报 does not show the month's figures: " + text[:600])
        self.shot("monthly-report")
        pdf = self.shots / f"{self.count + 1:02d}-monthly-report.pdf"
        self.count += 1
        import base64
        from selenium.webdriver.common.print_page_options import PrintOptions
        options = PrintOptions()
        options.page_width, options.page_height = 21.0, 29.7
        pdf.write_bytes(base64.b64decode(d.print_page(options)))
        check(pdf.stat().st_size > 10_000, "the printed 月通报 is empty")
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(pdf.with_suffix(""))], check=False)
        self.looked_at.append(f"printed {pdf.name}")
        self.sign_out()

    def onsite(self):
        """茂南区's round with on-site scoring: 组织部 submits (its on-site item D1 counts its self
        score, unverified); the committee assigns an assessor, who scores D1 on a phone-width page;
        组织部's result changes, and equals kaohe evaluate on its draft and the exported sheet."""
        d = self.driver
        self.sign_in("admin", "admin-password-1")
        self.click("开启新的考核轮次")
        self.set_value("id", ONSITE_ROUND)
        Select(self.field("checklist")).select_by_value("maonan.organs")
        self.set_value("as_of", "2026-11-30")
        self.set_value("units", "mn-zuzhibu,区委组织部机关党支部,party-government\n")
        self.click("开启轮次")
        self.sign_out()
        self.sign_in("zzb", "zzb-password-1")
        self.go(f"/rounds/{ONSITE_ROUND}/units/mn-zuzhibu?mode=text")
        self.set_value("document", (ROOT / "examples" / "maonan" / "zuzhibu.yaml").read_text(encoding="utf-8"))
        self.click("保存草稿")
        self.go(f"/rounds/{ONSITE_ROUND}/units/mn-zuzhibu")
        self.click("提交")
        before = self.text()
        check("已提交，结果如下" in before and "采用自评分 5，待核实" in before, "组织部's D1 is not its self score awaiting verification: " + before[:400])
        total_before = self.api(f"/api/v1/rounds/{ONSITE_ROUND}/units")
        self.sign_out()

        self.sign_in("admin", "admin-password-1")
        self.go(f"/rounds/{ONSITE_ROUND}")
        self.click("现场考核（分配考核组、评分分歧）")
        Select(self.field("assessor")).select_by_value("kz")
        self.click("分配")
        check("第一考核组 王明" in self.text(), "the assignment does not show")
        self.shot("onsite-committee")
        self.sign_out()

        self.sign_in("kz", "kz-password-1")
        d.set_window_size(375, 812)
        self.press(d.find_element(By.LINK_TEXT, ONSITE_ROUND))
        check("分配给您的单位（1 个）" in self.text(), "the assessor does not see the unit assigned: " + self.text()[:300])
        self.press(d.find_element(By.PARTIAL_LINK_TEXT, "区委组织部"))
        self.press(d.find_element(By.PARTIAL_LINK_TEXT, "D1"))
        check("自评分" in self.text() and "5" in self.text(), "the item page does not show the self score")
        self.set_value("points", "3.5")
        d.find_element(By.CSS_SELECTOR, "input[name='method'][value='现场查看']").click()
        self.set_value("note", "阵地标识不全，活动记录未上墙")
        self.shot("onsite-score-phone", width=375)
        self.fits_a_phone("the on-site scoring page")
        d.set_window_size(375, 812)
        self.click("保存评分")
        check("已保存 D1 的现场评分，本单位的考核结果已随之更新" in self.text(), "saving the score did not say so: " + self.text()[:300])
        self.shot("onsite-saved-phone", width=375)
        self.fits_a_phone("the assessor's list of items")
        self.sign_out()

        self.sign_in("zzb", "zzb-password-1")
        self.go(f"/rounds/{ONSITE_ROUND}/units/mn-zuzhibu")
        after = self.text()
        check("现场评分 3.5（现场查看，第一考核组 王明）：阵地标识不全，活动记录未上墙" in after, "组织部's result does not use the on-site score")
        self.shot("onsite-unit-result")
        check(self.api(f"/api/v1/rounds/{ONSITE_ROUND}/units") != total_before, "组织部's total did not change")
        self.sign_out()

        self.sign_in("admin", "admin-password-1")
        draft = self.folder / "zuzhibu.json"
        draft.write_bytes(self.api(f"/api/v1/rounds/{ONSITE_ROUND}/units/mn-zuzhibu/draft"))
        sheets = json.loads(self.api(f"/api/v1/rounds/{ONSITE_ROUND}/scoresheets"))["scoresheets"]
        check(len(sheets) == 1, f"expected one score sheet, got {len(sheets)}")
        sheet = self.folder / "onsite-sheet.json"
        sheet.write_text(json.dumps(sheets[0], ensure_ascii=False), encoding="utf-8")
        evaluated = subprocess.run([self.kaohe, "evaluate", "--rules", str(ROOT / "rules"), "--as-of", "2026-11-30", "--format", "json",
                                    "--scoresheets", str(sheet), str(draft)], capture_output=True, check=False)
        check(evaluated.returncode == 0, "kaohe evaluate --scoresheets failed: " + evaluated.stderr.decode())
        # One unit: the results are its result object, as kaohe evaluate prints for one input; byte for byte.
        web = self.api(f"/api/v1/rounds/{ONSITE_ROUND}/results")
        check(web == evaluated.stdout, "the web's result with the on-site score differs from kaohe evaluate --scoresheets")
        check(self.api(f"/rounds/{ONSITE_ROUND}/results.json") == web, "the page's export differs from the API")
        result = json.loads(web)
        d1 = next(item for item in result["items"] if item["id"] == "D1")
        check(d1["awarded"] == 3.5 and d1["method"] == "现场查看" and d1["status"] == "partial", f"D1 is not the on-site score: {d1}")
        self.looked_at.append(f"on-site: 组织部 D1 {d1['awarded']} ({d1['method']}), total {result['total']}")
        self.sign_out()

    def competition(self):
        """茂南区's brand-project competition: four units submit and are accepted, the committee
        enters daily scores and names the finalists (three: 商务局's project is screened 返工),
        five jurors each score the three finalists (one of them at 375 px), the committee closes
        scoring; the page's winners and the API's report equal kaohe competition on the exported
        sheets, byte for byte."""
        d = self.driver
        self.sign_in("admin", "admin-password-1")
        self.click("开启新的考核轮次")
        self.set_value("id", CONTEST_ROUND)
        Select(self.field("checklist")).select_by_value("maonan.organs")
        self.set_value("as_of", "2026-11-30")
        self.set_value("units", "".join(f"{u},{name},{category}\n" for u, _, _, name, category, _ in CONTEST_UNITS))
        self.click("开启轮次")
        self.sign_out()
        for unit, user, example, _, _, _ in CONTEST_UNITS:
            self.sign_in(user, f"{user}-password-1")
            self.go(f"/rounds/{CONTEST_ROUND}/units/{unit}?mode=text")
            self.set_value("document", (ROOT / "examples" / "maonan" / f"{example}.yaml").read_text(encoding="utf-8"))
            self.click("保存草稿")
            self.go(f"/rounds/{CONTEST_ROUND}/units/{unit}")
            self.click("提交")
            check("已提交，结果如下" in self.text(), f"{unit} did not submit: " + self.text()[:300])
            self.sign_out()

        self.sign_in("admin", "admin-password-1")
        self.go(f"/rounds/{CONTEST_ROUND}")
        for unit, *_ in CONTEST_UNITS:
            self.press(d.find_element(By.CSS_SELECTOR, f"form[action$='/{unit}/accept'] button"))
        check(self.text().count("已受理") == 4, "accepting did not show 已受理 four times")
        self.click("品牌项目比赛（入围、评委、评选结果）")
        self.press(d.find_element(By.PARTIAL_LINK_TEXT, "茂南区区直机关党建创新大赛"))
        check("尚未确定入围名单" in self.text() and "初审结论为返工" in self.text(), "the board's preview is missing: " + self.text()[:300])
        for unit, *_, daily in CONTEST_UNITS:
            self.set_value(f"daily-{unit}", daily)
        self.click("保存日常得分")
        check("已保存日常得分" in self.text(), "the daily scores were not saved: " + self.text()[:300])
        self.shot("competition-preview")
        self.click("确定入围名单")
        check("入围名单已确定（3 个）" in self.text(), "the finalists were not named: " + self.text()[:300])
        for n in range(1, 6):
            Select(d.find_element(By.ID, "juror")).select_by_value(f"pw{n}")
            self.click("请为评委")
        check(self.text().count("0 / 3") == 5, "the five jurors are not listed with nothing scored yet")
        self.shot("competition-jurors")
        self.sign_out()

        finalists = ["mn-zuzhibu", "mn-minzhengju", "mn-zhifaju"]
        for n in range(1, 6):
            self.sign_in(f"pw{n}", f"pw{n}-password-1")
            phone = n == 1
            if phone:
                d.set_window_size(375, 812)
            self.press(d.find_element(By.LINK_TEXT, CONTEST_ROUND))
            self.press(d.find_element(By.PARTIAL_LINK_TEXT, "茂南区区直机关党建创新大赛"))
            check("入围单位 3 个，您已评 0 个" in self.text(), f"pw{n} does not see three finalists to score: " + self.text()[:300])
            for index, unit in enumerate(finalists):
                self.press(d.find_element(By.CSS_SELECTOR, f"a[href$='/jury/{unit}']"))
                values = {dimension: str(12 + n + index - offset % 2 + (0.5 if offset == 4 else 0)) for offset, dimension in enumerate(DIMENSIONS)}
                if phone:  # typed by hand on the phone; the other jurors' boxes filled at once, as a paste would
                    for dimension, value in values.items():
                        self.set_value(dimension, value)
                else:
                    d.execute_script("for (const [name, value] of Object.entries(arguments[0])) document.getElementsByName(name)[0].value = value", values)
                if phone and index == 0:
                    self.shot("jury-score-phone", width=375)
                    self.fits_a_phone("the juror's scoring page")
                    d.set_window_size(375, 812)
                self.click("保存评分")
                check(f"您已评 {index + 1} 个" in self.text(), f"pw{n}'s score of {unit} was not saved: " + self.text()[:300])
            if phone:
                self.shot("jury-list-phone", width=375)
                self.fits_a_phone("the juror's list of finalists")
                check("评委2" not in self.text(), "a juror sees another juror")
            self.sign_out()

        self.sign_in("admin", "admin-password-1")
        self.go(f"/rounds/{CONTEST_ROUND}/competitions/{COMPETITION}")
        check(self.text().count("3 / 3") == 5, "the board does not show every juror done")
        self.click("结束评分，公布结果")
        page = self.text()
        check("评分已结束" in page and "六、优秀项目" in page, "closing did not show the results: " + page[:300])
        self.shot("competition-closed")
        struck = d.find_elements(By.TAG_NAME, "del")
        check(len(struck) == 6, f"expected the highest and lowest of three finalists struck out, found {len(struck)}")

        # kaohe competition on the same sheets: the report byte for byte, the winners in the page's order.
        folder = self.folder / "contest"
        for sub in ["assessments", "scoresheets", "jury"]:
            (folder / sub).mkdir(parents=True)
        sheets = json.loads(self.api(f"/api/v1/rounds/{CONTEST_ROUND}/competitions/{COMPETITION}/sheets"))
        for unit in sheets["field"]:
            (folder / "assessments" / f"{unit}.json").write_bytes(self.api(f"/api/v1/rounds/{CONTEST_ROUND}/units/{unit}/draft"))
        for index, sheet in enumerate(sheets["scoresheets"]):
            (folder / "scoresheets" / f"{index}.json").write_text(json.dumps(sheet, ensure_ascii=False), encoding="utf-8")
        for sheet in sheets["jury"]:
            (folder / "jury" / f"{sheet['judge']['id']}.json").write_text(json.dumps(sheet, ensure_ascii=False), encoding="utf-8")
        (folder / "daily.json").write_text(json.dumps(sheets["daily"], ensure_ascii=False), encoding="utf-8")
        ran = subprocess.run([self.kaohe, "competition", "--rules", str(ROOT / "rules"), "--competition", COMPETITION, "--format", "json",
                              "--assessments", str(folder / "assessments"), "--scoresheets", str(folder / "scoresheets"),
                              "--jury", str(folder / "jury"), "--daily", str(folder / "daily.json")], capture_output=True, check=False)
        check(ran.returncode == 0, "kaohe competition failed: " + ran.stderr.decode())
        report = self.api(f"/api/v1/rounds/{CONTEST_ROUND}/competitions/{COMPETITION}/report")
        check(report == ran.stdout, "the web's competition report differs from kaohe competition --format json")
        winners = json.loads(ran.stdout)["winners"]
        names = {u: name for u, _, _, name, _, _ in CONTEST_UNITS}
        section = page[page.index("六、优秀项目"):]
        positions = [section.find(names[w["unit"]]) for w in winners]
        check(len(winners) == 3 and all(p >= 0 for p in positions) and positions == sorted(positions),
              f"the page's winners are not kaohe competition's: {[w['unit'] for w in winners]}")
        self.looked_at.append("competition winners " + " > ".join(f"{names[w['unit']]} {w['final']}" for w in winners))
        self.sign_out()
        self.sign_in("pw2", "pw2-password-1")
        self.go(f"/rounds/{CONTEST_ROUND}/competitions/{COMPETITION}/jury")
        check("评分已结束，不能再改分" in self.text() and "五、最终排名" in self.text(), "a juror does not see the results after the close")
        self.shot("jury-closed-phone", width=375)
        self.fits_a_phone("the juror's results")
        self.sign_out()

    def check_against_evaluate(self, page):
        drafts = []
        for unit in ["szq-caizheng", "szq-xuanchuan"]:
            path = self.folder / f"{unit}.yaml"
            path.write_bytes(self.api(f"/api/v1/rounds/{ROUND}/units/{unit}/draft"))
            drafts.append(str(path))
        evaluated = subprocess.run([self.kaohe, "evaluate", "--rules", str(ROOT / "rules"), "--as-of", "2026-11-30",
                                    "--format", "json", *drafts], capture_output=True, check=False)
        check(evaluated.returncode == 0, "kaohe evaluate failed: " + evaluated.stderr.decode())
        exported = self.api(f"/rounds/{ROUND}/results.json")
        check(exported == evaluated.stdout, "the page's JSON export differs from kaohe evaluate --format json")
        check(self.api(f"/api/v1/rounds/{ROUND}/results") == evaluated.stdout, "the API's results differ from kaohe evaluate")
        csv = self.api(f"/rounds/{ROUND}/results.csv")
        check(csv.startswith("\ufeff".encode()), "the CSV export has no byte-order mark for Excel")
        results = json.loads(evaluated.stdout)
        for result in results["results"]:
            total = str(result["total"])
            name = result["unit"]["name"]
            check(re.search(re.escape(name) + r".*?" + re.escape(total), page, re.S),
                  f"the results page does not show {name}'s total {total}")
            check(result["grade"] in page, f"the results page does not show the grade {result['grade']}")
        ranking = [row["unit"] for row in results["ranking"]]
        names = {r["unit"]["id"]: r["unit"]["name"] for r in results["results"]}
        positions = [page.find(names[unit]) for unit in ranking]
        check(all(p >= 0 for p in positions) and positions == sorted(positions),
              f"the page's ranking is not kaohe evaluate's: {ranking}")
        self.looked_at.append("ranking " + " > ".join(f"{names[u]} {next(r['total'] for r in results['results'] if r['unit']['id'] == u)}" for u in ranking))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kaohe", default=str(ROOT / ".build" / "debug" / "kaohe"))
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--screenshots", default=str(ROOT / "Tests" / "Browser" / "screenshots"))
    arguments = parser.parse_args()
    shots = Path(arguments.screenshots) / arguments.backend
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    started = time.time()
    round_ = Round(arguments.kaohe, arguments.backend, shots)
    try:
        round_.start()
        round_.run()
    except Exception as error:  # any failure: say where, keep a screenshot of the page it happened on
        if round_.driver:
            try:
                round_.shot("FAILED")
            except Exception:
                pass
        import traceback
        where = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == __file__][-1]
        print(f"browser test ({arguments.backend}) FAILED at line {where.lineno} ({where.line}): {str(error).splitlines()[0]}", file=sys.stderr)
        if round_.server and (round_.folder / "server.log").exists():
            print((round_.folder / "server.log").read_text()[-3000:], file=sys.stderr)
        round_.stop()
        return 1
    round_.stop()
    print(f"browser test ({arguments.backend}): a whole round played in Chromium in {time.time() - started:.1f} s; "
          f"{round_.count} screenshots in {shots}")
    for line in round_.looked_at:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
