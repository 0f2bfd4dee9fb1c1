"""The browser check of the web UI (run by scripts/ui-check, which starts the demo server).

What it holds the pages to:
- every page answers without an HTTP error (the page and everything it loads), logs no console
  error (a CSP violation is one), has its `<main id=…>` and a navigation linking 工作台, 受理登记,
  地图 and 驾驶舱, and fits a 390 px phone without sideways scrolling;
- a case walks from the intake form to its rating through the case page's own forms, each step
  taken by whichever demo account the page offers the action to;
- a refused form says why (an element `.error`) and keeps what the user typed.
Screenshots of every page at 1920×1080 and 390×844 go to --out.
"""

import argparse
import json
import os
import sys
import time
import struct
import urllib.request
import zlib

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

PASSWORD = "wangchao-demo"
NAV = {"/workbench": "工作台", "/intake": "受理登记", "/map": "地图", "/cockpit": "驾驶舱"}
# The happy path of the closed loop; the walk takes the first of these a page offers.
WALK = ["accept", "dispatch", "sign", "arrive", "handle", "verify", "close", "rate"]
# Who may hold a case on its way round, in the order the walk asks them.
WALKERS = ["demo.grid", "demo.dispatcher", "demo.community", "demo.handler", "demo.commander"]
SIZES = {"screen": (1920, 1080), "phone": (390, 844)}


class Failure(Exception):
    pass


class Browser:
    def __init__(self, base, out):
        self.base = base
        self.out = out
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--lang=zh-CN", "--window-size=1920,1080"):
            options.add_argument(arg)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        self.driver.set_page_load_timeout(30)
        self.shots = 0

    def quit(self):
        self.driver.quit()

    def url(self, path):
        return self.base + path

    def path(self):
        current = self.driver.current_url
        return current[len(self.base):] if current.startswith(self.base) else current

    def open(self, path):
        self.driver.get(self.url(path))
        self.wait_ready()

    def wait_replaced(self, old, what, unless=None):
        """Waits until `old` (an element of the page a click navigates away from) is detached:
        until then the old page still answers readyState "complete" and queries find its elements.
        `unless` (a CSS selector) ends the wait early when such an element shows on the old page:
        a script that answered the click in place (the repeat-report warning)."""
        for _ in range(150):
            try:
                old.tag_name
                if unless and any(e.is_displayed() for e in self.find(unless)):
                    return
            except (StaleElementReferenceException, WebDriverException):
                # Mid-navigation Chromium may answer "Node … does not belong to the document":
                # the old page is gone as surely as when the reference reads stale.
                self.wait_ready()
                return
            time.sleep(0.1)
        raise Failure(f"{what}: the page did not change within 15 s of the click ({self.path()})")

    def wait_ready(self):
        for _ in range(100):
            if self.driver.execute_script("return document.readyState") == "complete":
                return
            time.sleep(0.1)
        raise Failure(f"{self.path()}: page did not finish loading")

    def drain(self):
        """Reads and clears the console and network logs, returning (console errors, HTTP errors)."""
        console = [entry["message"] for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]
        http = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") != "Network.responseReceived":
                continue
            response = message["params"]["response"]
            if response.get("status", 0) >= 400:
                http.append(f'{response["status"]} {response["url"]}')
        return console, http

    def expect_clean(self, what):
        console, http = self.drain()
        problems = [f"console: {m}" for m in console] + [f"HTTP: {h}" for h in http]
        if problems:
            raise Failure(f"{what}:\n  " + "\n  ".join(problems))

    def find(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def one(self, css, what):
        found = self.find(css)
        if not found:
            raise Failure(f"{what}: no element `{css}` on {self.path()}")
        return found[0]

    def screenshot(self, name):
        for label, (width, height) in SIZES.items():
            self.driver.set_window_size(width, height)
            time.sleep(0.2)
            if label == "phone":
                overflow = self.driver.execute_script(
                    "return document.documentElement.scrollWidth - window.innerWidth")
                if overflow > 2:
                    raise Failure(f"{name}: {overflow} px wider than a 390 px phone (sideways scrolling)")
            self.shots += 1
            self.driver.save_screenshot(os.path.join(self.out, f"{self.shots:02d}-{name}-{label}.png"))
        self.driver.set_window_size(*SIZES["screen"])

    def sign_in(self, username):
        self.driver.delete_all_cookies()
        self.open("/login")
        self.one("input[name=username]", "sign-in form").send_keys(username)
        self.one("input[name=password]", "sign-in form").send_keys(PASSWORD)
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.one("form [type=submit]", "sign-in form").click()
        self.wait_replaced(old, f"sign-in of {username}")
        path = self.path()
        if path.startswith("/login"):
            raise Failure(f"sign-in of {username} stayed on {path}")
        self.expect_clean(f"sign-in of {username}")


def api_token(base, username):
    request = urllib.request.Request(
        base + "/api/v1/auth/token", data=json.dumps({"username": username, "password": PASSWORD}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)["token"]


def api_case(base, token, case_id):
    request = urllib.request.Request(base + f"/api/v1/cases/{case_id}", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)


# Every form control a person fills has an accessible name (a <label>, aria-label or
# aria-labelledby) and every image alt text: what a screen reader reads out.
UNNAMED_CONTROLS = """
const bad = [];
for (const el of document.querySelectorAll('input, select, textarea')) {
  const kind = (el.getAttribute('type') || '').toLowerCase();
  if (['hidden', 'submit', 'button', 'reset'].includes(kind)) continue;
  const named = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
  if (!named) bad.push(el.outerHTML.slice(0, 120));
}
for (const img of document.querySelectorAll('img:not([alt])')) bad.push(img.outerHTML.slice(0, 120));
return bad;
"""


# WCAG 2.1 contrast of every visible piece of HTML text (SVG charts draw their own): 4.5:1, or
# 3:1 for large text (24 px, or bold 18.66 px), against the backgrounds blended beneath it.
LOW_CONTRAST = """
function rgba(text) {
  const m = text.match(/rgba?\\(([^)]+)\\)/);
  if (!m) return null;
  const p = m[1].split(',').map(parseFloat);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function luminance(c) {
  const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
}
function background(el) {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (style.backgroundImage !== 'none') return null;
    const c = rgba(style.backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let out = [255, 255, 255];
  for (let i = layers.length - 1; i >= 0; i--) {
    const c = layers[i];
    out = [0, 1, 2].map(k => c[k] * c[3] + out[k] * (1 - c[3]));
  }
  return out;
}
const bad = [];
for (const el of document.querySelectorAll('body *')) {
  if (el.closest('svg')) continue;
  if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || box.right < 0 || box.bottom < 0) continue;
  const fg = rgba(style.color), bg = background(el);
  if (!fg || !bg) continue;
  const text = [0, 1, 2].map(k => fg[k] * fg[3] + bg[k] * (1 - fg[3]));
  const a = luminance(text), b = luminance(bg);
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
  const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
  if (ratio < needed - 0.005) {
    bad.push(el.tagName.toLowerCase() + '.' + el.className + ' "' + el.textContent.trim().slice(0, 16) + '" ' + ratio.toFixed(2) + ':1');
  }
}
return bad;
"""


def check_page(browser, path, main_id, name, extra=None):
    browser.open(path)
    browser.one(f"main#{main_id}", name)
    title = browser.driver.title
    if not title.endswith("· 望潮"):
        raise Failure(f"{name}: title {title!r} does not end with '· 望潮'")
    for href, label in NAV.items():
        links = [a for a in browser.find("nav a") if (a.get_attribute("href") or "").endswith(href)]
        if not links:
            raise Failure(f"{name}: navigation has no link to {href} ({label})")
    if extra:
        extra()
    unnamed = browser.driver.execute_script(UNNAMED_CONTROLS)
    if unnamed:
        raise Failure(f"{name}: controls without a label (or alt text): {unnamed[:3]}")
    low = browser.driver.execute_script(LOW_CONTRAST)
    if low:
        raise Failure(f"{name}: text below WCAG contrast ({len(low)}): {low[:4]}")
    browser.expect_clean(name)
    browser.screenshot(name)
    browser.expect_clean(f"{name} (resized)")
    print(f"ok  {name:<22} {path}")


def live_workbench(browser, base):
    """The town dispatcher's 工作台 is open; a grid worker files a case in the town through the
    API: without a reload the count goes up, the status line says so, and the page stays clean."""
    browser.sign_in("demo.dispatcher")
    browser.open("/workbench")
    summary = browser.one("#workbench-summary", "the 工作台 summary").text
    time.sleep(1.0)  # the page's stream is open
    token = api_token(base, "demo.grid")
    request = urllib.request.Request(
        base + "/api/v1/cases", method="POST",
        data=json.dumps({
            "category": "AQ01", "description": "界面检查：楼道堆放纸箱堵塞消防通道", "source": "gridPatrol",
            "priority": "urgent", "areaCode": "330109001001001001",
            "location": {"lat": 30.161, "lng": 120.262, "address": "萧山区城厢街道丁家庄社区3幢"}}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request) as answer:
        number = json.load(answer)["number"]
    for _ in range(100):
        now = browser.one("#workbench-summary", "the 工作台 summary").text
        if now != summary:
            break
        time.sleep(0.1)
    else:
        raise Failure(f"live 工作台: {number} was filed but the page still says {summary!r} after 10 s")
    status = browser.one("#live-status", "the live status line").text
    if "自动更新" not in status:
        raise Failure(f"live 工作台: the status line says {status!r}")
    browser.expect_clean("live 工作台")
    browser.screenshot("workbench-live")
    print(f"ok  live 工作台           {summary} → {now} after {number} was filed; {status}")


def keyboard(browser):
    """The 工作台 by keyboard alone: the first Tab reaches the skip link, Enter on it moves to
    the main content, no element jumps the tab order (tabindex > 0), and the filter form is
    submitted by Enter on its button."""
    browser.open("/workbench")
    jumps = browser.driver.execute_script(
        "return [...document.querySelectorAll('[tabindex]')].filter(e => e.tabIndex > 0).map(e => e.outerHTML.slice(0, 80))")
    if jumps:
        raise Failure(f"keyboard: elements with a positive tabindex break the tab order: {jumps[:3]}")
    body = browser.one("body", "workbench")
    body.send_keys(Keys.TAB)
    focused = browser.driver.switch_to.active_element
    if "skip" not in (focused.get_attribute("class") or ""):
        raise Failure(f"keyboard: the first Tab reached {focused.get_attribute('outerHTML')[:80]}, not the skip link")
    focused.send_keys(Keys.ENTER)
    if not browser.driver.current_url.endswith("#workbench"):
        raise Failure(f"keyboard: the skip link led to {browser.driver.current_url}")
    state = browser.one("main#workbench select[name=state]", "the state filter")
    Select(state).select_by_value("signed")
    old = browser.driver.find_element(By.TAG_NAME, "html")
    state.find_element(By.XPATH, "ancestor::form//button[@type='submit']").send_keys(Keys.ENTER)
    browser.wait_replaced(old, "keyboard: Enter on the filter button")
    went = browser.driver.current_url
    if "state=signed" not in went:
        raise Failure(f"keyboard: Enter in the filter form went to {went}")
    browser.expect_clean("keyboard")


def png(path, width=48, height=32):
    """Writes a small real PNG (a blue-and-white flag) for the photo inputs."""
    rows = b"".join(
        b"\x00" + b"".join(bytes((23, 79, 140) if (x + y) % 8 < 4 else (255, 255, 255)) for x in range(width))
        for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path


PHOTO = png(os.path.join(os.environ.get("TMPDIR", "/tmp"), "wangchao-ui-check-photo.png"))


def fill(form, action):
    """Gives every visible field of an action form a plausible value (first choice, a note, 5 stars)."""
    for field in form.find_elements(By.CSS_SELECTOR, "select, textarea, input"):
        kind = (field.get_attribute("type") or "").lower()
        if not field.is_displayed() or kind in ("hidden", "submit", "button"):
            continue
        if field.tag_name == "select":
            choices = [o for o in Select(field).options if o.get_attribute("value")]
            if choices and not Select(field).first_selected_option.get_attribute("value"):
                Select(field).select_by_value(choices[0].get_attribute("value"))
        elif kind == "radio":  # the first choice of a group nothing is chosen in (通过, not 返工)
            group = form.find_elements(By.CSS_SELECTOR, f'input[type=radio][name="{field.get_attribute("name")}"]')
            if not any(g.is_selected() for g in group):
                field.click()
        elif kind == "checkbox":
            if field.get_attribute("required") is not None and not field.is_selected():
                field.click()
        elif kind == "file":  # 到场、处置、核查: one photo, as a phone would send it
            field.send_keys(PHOTO)
        elif kind == "number" or field.get_attribute("name") in ("rating", "score", "satisfaction"):
            if not field.get_attribute("value"):
                field.send_keys("5")
        elif not field.get_attribute("value"):
            field.send_keys(f"界面检查：{action}")


def submit(browser, form):
    buttons = form.find_elements(By.CSS_SELECTOR, "[type=submit]")
    if not buttons:
        raise Failure(f"{browser.path()}: a form has no submit button")
    old = browser.driver.find_element(By.TAG_NAME, "html")
    buttons[0].click()
    browser.wait_replaced(old, f"{browser.path()}: form submission", unless="#repeat-warning")


def intake(browser):
    """Files a case through /intake as the signed-in grid worker; returns the new case's id."""
    browser.open("/intake")
    form = browser.one("main#intake form", "intake form")
    # A refused submission first: no description. It must say why and keep the category.
    category = Select(browser.one("main#intake select[name=category]", "category picker"))
    choices = [o.get_attribute("value") for o in category.options if o.get_attribute("value")]
    if not choices:
        raise Failure("intake: the category picker offers nothing")
    chosen = "AQ01" if "AQ01" in choices else choices[0]
    category.select_by_value(chosen)
    place(browser)
    browser.driver.execute_script(
        "document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))")
    submit(browser, browser.one("main#intake form", "intake form"))
    browser.one(".error", "intake refused without a description")
    kept = Select(browser.one("main#intake select[name=category]", "intake form after refusal"))
    if kept.first_selected_option.get_attribute("value") != chosen:
        raise Failure("intake: a refused form lost the chosen category")
    browser.drain()  # the refusal's 4xx was expected
    browser.one("main#intake textarea[name=description]", "description").send_keys(
        "界面检查：小区门口消防栓被撞倒漏水，请尽快处理")
    place(browser)
    submit(browser, browser.one("main#intake form", "intake form"))
    for _ in range(2):  # a repeat-report warning asks once more before filing
        if browser.path().startswith("/cases/"):
            break
        if browser.find(".error"):
            raise Failure(f"intake refused: {browser.find('.error')[0].text}")
        submit(browser, browser.one("main#intake form", "intake confirmation"))
    if not browser.path().startswith("/cases/"):
        raise Failure(f"intake did not lead to the new case page but to {browser.path()}")
    browser.expect_clean("intake")
    return browser.path().split("/")[2].split("?")[0]


def place(browser):
    """Sets the location by clicking the map when there is one, else by typing a point."""
    lat = browser.one("main#intake [name=lat]", "intake latitude")
    if lat.get_attribute("value"):
        return
    maps = browser.find("main#intake svg")
    if maps:
        maps[0].click()  # the middle of the user's own area
        time.sleep(0.3)
    if not lat.get_attribute("value"):
        if lat.get_attribute("type") == "hidden":
            raise Failure("intake: clicking the map set no location")
        lat.send_keys("30.1610")
        browser.one("main#intake [name=lng]", "intake longitude").send_keys("120.2640")


def walk(browser, base, case_id):
    token = api_token(base, "demo.commander")
    signed_in = None
    for step in range(len(WALK) + 4):
        case = api_case(base, token, case_id)
        state = case["state"]
        if state == "rated":
            with_photos = [t["action"] for t in case.get("history", []) if t.get("attachments")]
            if not {"arrive", "handle"} <= set(with_photos):
                raise Failure(f"case walk: the photos chosen in the forms are not in the history (only on {with_photos})")
            print(f"ok  case walk             {case_id} reached rated in {step} steps, photos on {', '.join(with_photos)}")
            return
        taken = False
        for user in WALKERS:
            if user != signed_in:
                browser.sign_in(user)
                signed_in = user
            browser.open(f"/cases/{case_id}")
            browser.one("main#case", "case page")
            offered = {f.get_attribute("data-action"): f for f in browser.find("form.action")}
            action = next((a for a in WALK if a in offered), None)
            if action is None:
                continue
            form = offered[action]
            fill(form, action)
            submit(browser, form)
            errors = browser.find(".error")
            if errors:
                raise Failure(f"{user} {action} on {state}: refused: {errors[0].text}")
            browser.expect_clean(f"{user} {action}")
            after = api_case(base, token, case_id)["state"]
            if after == state:
                raise Failure(f"{user} {action}: the case stayed {state}")
            print(f"ok  {action:<9} by {user:<16} {state} → {after}")
            taken = True
            break
        if not taken:
            raise Failure(f"case {case_id} is {state} and no demo account is offered any of {WALK}")
    raise Failure(f"case {case_id} did not reach rated")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    browser = Browser(args.base, args.out)
    try:
        browser.open("/workbench")
        if not browser.path().startswith("/login"):
            raise Failure(f"/workbench without a session went to {browser.path()}, not /login")
        browser.expect_clean("sign-in page")
        browser.screenshot("login")
        browser.sign_in("demo.grid")
        case_id = intake(browser)
        print(f"ok  intake form           case {case_id}")
        for user in ("demo.grid", "demo.commander"):
            browser.sign_in(user)
            who = user.split(".")[1]
            check_page(browser, "/workbench", "workbench", f"workbench-{who}",
                       lambda: browser.one("main#workbench a[href^='/cases/']", "a case in the workbench"))
            check_page(browser, f"/cases/{case_id}", "case", f"case-{who}")
            check_page(browser, "/intake", "intake", f"intake-{who}",
                       lambda: browser.one("main#intake select[name=category]", "category picker"))
            check_page(browser, "/map", "map", f"map-{who}",
                       lambda: browser.one("main#map svg a", "a drillable area on the map"))
            check_page(browser, "/cockpit", "cockpit", f"cockpit-{who}",
                       lambda: browser.one("main#cockpit svg", "a chart on the cockpit"))
        keyboard(browser)
        print("ok  keyboard              skip link, tab order, filters by keyboard")
        live_workbench(browser, args.base)
        browser.open("/map")
        link = browser.one("main#map svg a", "a drillable area")
        # An SVG link's href property is an object; its attribute is the text.
        drill = link.get_dom_attribute("href") or link.get_dom_attribute("xlink:href")
        browser.driver.get(drill if drill.startswith("http") else browser.url(drill))
        browser.wait_ready()
        browser.one("main#map svg", "the map after drilling down")
        browser.expect_clean("map drill-down")
        browser.screenshot("map-drilled")
        print(f"ok  map drill-down        {browser.path()}")
        walk(browser, args.base, case_id)
        browser.open(f"/cases/{case_id}")
        browser.expect_clean("rated case page")
        browser.screenshot("case-rated")
    except Failure as failure:
        print(f"ui-check FAILED: {failure}", file=sys.stderr)
        try:
            browser.driver.save_screenshot(os.path.join(args.out, "failure.png"))
        except Exception:
            pass
        sys.exit(1)
    finally:
        browser.quit()
    print(f"ui-check passed: {browser.shots} screenshots")


if __name__ == "__main__":
    main()
