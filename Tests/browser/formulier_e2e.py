#!/usr/bin/python3
"""End-to-end test of `stukken serve` in a real headless browser (Debian chromium).

Starts the server on a free loopback port (--port 0; the port is read from the line it
prints), fills the evaluatie form as a project leader would, waits for the live preview to
show what was typed, downloads the YAML, and checks that `stukken check` accepts it. Also
sends a request with a foreign Host header to the real socket (DNS-rebinding guard).
The server is stopped at the end, also when a step fails.

Usage: /usr/bin/python3 formulier_e2e.py STUKKEN_BINARY [--screenshots DIR]
(Debian's python3-selenium is importable from /usr/bin/python3 only.)
"""
import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

KINDS = ["voorstel", "memo", "notitie", "projectopdracht", "projectplan", "evaluatie"]


def start_server(binary):
    server = subprocess.Popen(
        [binary, "serve", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
        text=True)
    line = server.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        server.kill()
        raise SystemExit("server did not print its URL: %r %s" % (line, server.stderr.read()))
    return server, int(match.group(1))


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=nl"]:
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def foreign_host_refused(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/evaluatie", headers={"Host": "rebind.evil.example:%d" % port})
    response = connection.getresponse()
    body = response.read().decode()
    assert response.status == 403, (response.status, body)
    connection.request("GET", "/evaluatie", headers={"Host": "127.0.0.1:%d" % port})
    response = connection.getresponse()
    response.read()
    assert response.status == 200, response.status


def fill_evaluatie(driver, base):
    driver.get(base + "evaluatie")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"
    # Every control has a label tied to it.
    for control in driver.find_elements(By.CSS_SELECTOR, "input[type=text], textarea, select"):
        control_id = control.get_attribute("id")
        assert driver.find_elements(By.CSS_SELECTOR, "label[for='%s']" % control_id), control_id
    # The hulpvragen (the form's questions) are on the page.
    assert "Wat waren de leermomenten?" in driver.page_source

    Select(driver.find_element(By.ID, "v-openbaar")).select_by_visible_text("ja")
    driver.find_element(By.ID, "v-project").send_keys("Buurtpreventie via WhatsApp")
    driver.find_element(By.ID, "v-projectleider").send_keys("J. de Vries")
    driver.find_element(By.ID, "v-datum").send_keys("12 maart 2018")
    for textarea in driver.find_elements(By.TAG_NAME, "textarea"):
        if textarea.get_attribute("aria-required") == "true":
            name = textarea.get_attribute("name")
            textarea.send_keys("Antwoord op %s.\n\n- eerste punt\n- tweede punt" % name)

    # The live preview (JavaScript, no page load) shows what was typed.
    frame = driver.find_element(By.ID, "voorbeeld")
    WebDriverWait(driver, 20).until(lambda d: "Buurtpreventie via WhatsApp" in (frame.get_attribute("srcdoc") or ""))
    WebDriverWait(driver, 20).until(lambda d: "Geen fouten" in d.find_element(By.ID, "stand").text)
    assert "12 maart 2018" in frame.get_attribute("srcdoc")

    # A mistake shows its message beside the field while typing, and goes away when fixed.
    datum = driver.find_element(By.ID, "v-datum")
    datum.clear()
    datum.send_keys("2018-02-30")
    WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "v-datum-fout").text.strip() != "")
    assert datum.get_attribute("aria-invalid") == "true"
    datum.clear()
    datum.send_keys("12 maart 2018")
    WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "v-datum-fout").text.strip() == "")


def download_yaml(driver, downloads):
    driver.find_element(By.CSS_SELECTOR, "button[name=actie][value=yaml]").click()
    path = os.path.join(downloads, "evaluatie.yaml")
    deadline = time.time() + 20
    while time.time() < deadline and not os.path.exists(path):
        time.sleep(0.2)
    assert os.path.exists(path), os.listdir(downloads)
    return path


def main():
    binary = os.path.abspath(sys.argv[1])
    screenshots = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else None
    downloads = tempfile.mkdtemp(prefix="stukken-e2e-")
    server, port = start_server(binary)
    driver = None
    try:
        base = "http://127.0.0.1:%d/" % port
        foreign_host_refused(port)
        driver = browser(downloads)
        if screenshots:
            os.makedirs(screenshots, exist_ok=True)
            for kind in KINDS:
                driver.get(base + kind)
                driver.save_screenshot(os.path.join(screenshots, kind + ".png"))
        fill_evaluatie(driver, base)
        if screenshots:
            driver.save_screenshot(os.path.join(screenshots, "evaluatie-ingevuld.png"))
        path = download_yaml(driver, downloads)
        text = open(path, encoding="utf-8").read()
        assert 'project: "Buurtpreventie via WhatsApp"' in text, text
        check = subprocess.run([binary, "check", path], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        # "Open YAML": the downloaded file opens again in the same form, without errors.
        driver.get(base)
        driver.find_element(By.ID, "bestand").send_keys(path)
        driver.find_element(By.CSS_SELECTOR, "form[action='/openen'] button").click()
        WebDriverWait(driver, 20).until(lambda d: d.find_elements(By.ID, "v-project"))
        assert driver.find_element(By.ID, "v-project").get_attribute("value") == "Buurtpreventie via WhatsApp"
        assert driver.find_element(By.ID, "v-datum").get_attribute("value") == "12 maart 2018"
        assert "Geen fouten" in driver.find_element(By.ID, "stand").text
        print("ok: evaluatie filled, preview updated, YAML downloaded and accepted by stukken check, opened again")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(downloads, ignore_errors=True)


if __name__ == "__main__":
    main()
