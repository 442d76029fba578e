"""The set-up scripts on a fresh machine, read as text (running them installs packages).

On this project's own first run another apt (a fresh machine's unattended upgrades, or a
second set-up) held apt's lock: apt-get gave up at once, the script carried on without a word,
and every survey published later had no read-aloud audio.
"""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ("scripts/setup.sh", "scripts/test.sh")


def test_every_apt_get_waits_for_a_busy_lock():
    for name in SCRIPTS:
        for line in (ROOT / name).read_text().splitlines():
            for call in re.findall(r"apt-get [^&|>]*", line):
                assert "DPkg::Lock::Timeout" in call, (name, call)


def test_set_up_says_when_espeak_could_not_be_installed():
    text = (ROOT / "scripts/setup.sh").read_text()
    assert "espeak-ng could not be installed" in text
