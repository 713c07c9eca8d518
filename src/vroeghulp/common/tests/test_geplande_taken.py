"""Issue 10 point 7: the scheduled jobs in deploy/ (systemd and cron) name commands that exist,
each timer starts its service, and each job runs as cron or systemd would start it: exit code 0
with counts on success, another code on failure, and no BSN in what it prints."""

import configparser
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands

from vroeghulp.cli import TWO_WORD
from vroeghulp.common.tests import logscan, servers

DEPLOY = Path(__file__).resolve().parents[4] / "deploy"
SYSTEMD = DEPLOY / "systemd"
CRON = DEPLOY / "cron" / "vroeghulp"
BINARY = "/opt/vroeghulp/venv/bin/vroeghulp"
# What the jobs print when they worked: the counts (their own Dutch sentences).
OUTPUT = {
    "bewaartermijnen": re.compile(r"Bewaartermijn \d+ maanden \(vóór [\d-]+\): \d+ signalen en \d+ zaken verwijderd"),
    "signalen_matchen": re.compile(r"Klaar: \d+ signalen verwerkt, \d+ nieuwe zaken, \d+ zaken aangevuld"),
    "zaken_termijnen": re.compile(r"\d+ open zaken bekeken, \d+ met nieuwe uiterste datums"),
    "schuldhulp_herinneringen": re.compile(r"Herinneringen [\d-]+: \d+ herinneringen voor \d+ trajecten"),
    "monitor_bijwerken": re.compile(r"Monitor bijgewerkt vanaf [\d-]+: \d+ cellen in [\d.]+ s\."),
}


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def django_command(argv: list[str]) -> str:
    """The command ``vroeghulp ARGV`` runs, with the same two-word rule as ``vroeghulp.cli``."""
    if len(argv) >= 2 and argv[0] in TWO_WORD and not argv[1].startswith("-"):
        return f"{argv[0]}_{argv[1]}"
    return argv[0]


def vroeghulp_args(command_line: str) -> list[str]:
    words = shlex.split(command_line)
    assert words[0] == BINARY, command_line
    return words[1:]


def cron_jobs() -> list[list[str]]:
    jobs = []
    for line in CRON.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or re.match(r"^[A-Z]+=", line):
            continue
        fields = line.split(None, 6)  # five time fields, the user, the command
        assert len(fields) == 7 and fields[5] == "vroeghulp", line
        jobs.append(vroeghulp_args(fields[6].rsplit("&&", 1)[1]))
    return jobs


def systemd_jobs() -> list[list[str]]:
    return [vroeghulp_args(unit(service)["Service"]["ExecStart"])
            for service in sorted(SYSTEMD.glob("vroeghulp-*.service"))]


def test_every_example_names_a_command_that_exists():
    commands = set(get_commands())
    server = vroeghulp_args(unit(SYSTEMD / "vroeghulp.service")["Service"]["ExecStart"])
    assert server == ["server"]
    jobs = systemd_jobs() + cron_jobs()
    assert sorted(map(django_command, systemd_jobs())) == sorted(OUTPUT)  # one unit per job
    assert sorted(map(django_command, cron_jobs())) == sorted(OUTPUT)  # and one cron line
    for argv in jobs:
        assert django_command(argv) in commands, argv


def test_every_timer_starts_its_service_at_a_valid_time():
    timers = sorted(SYSTEMD.glob("*.timer"))
    assert [t.stem for t in timers] == sorted(s.stem for s in SYSTEMD.glob("vroeghulp-*.service"))
    for timer in timers:
        config = unit(timer)
        assert config["Install"]["WantedBy"] == "timers.target", timer.name
        assert config["Timer"]["Persistent"] == "true", timer.name  # a missed night runs at boot
        assert "Unit" not in config["Timer"]  # so it starts the service of the same name
        calendar = config["Timer"]["OnCalendar"]
        assert re.fullmatch(r"\*-\*-\* \d\d:\d\d:\d\d", calendar), calendar
        if shutil.which("systemd-analyze"):
            check = subprocess.run(["systemd-analyze", "calendar", calendar], capture_output=True, text=True)
            assert check.returncode == 0, check.stderr
    for service in SYSTEMD.glob("vroeghulp-*.service"):
        assert unit(service)["Service"]["Type"] == "oneshot", service.name


@pytest.mark.slow
def test_each_job_runs_prints_counts_without_personal_data_and_fails_with_a_nonzero_code(tmp_path):
    """The jobs as the examples start them, on a demo database with residents and cases."""
    env = servers.clean_env(VROEGHULP_OMGEVING="demo", VROEGHULP_VAR_DIR=str(tmp_path))
    demo = servers.run("demo", "--huishoudens", "60", "--alleen-data", env=env, timeout=300)
    assert demo.returncode == 0, demo.stderr
    for argv in systemd_jobs():
        result = servers.run(*argv, env=env)
        output = result.stdout + result.stderr
        logscan.add_output(f"vroeghulp {' '.join(argv)}", output)
        assert result.returncode == 0, output
        assert OUTPUT[django_command(argv)].search(result.stdout), result.stdout
        assert not logscan.leaked_lines(output), output
    unreachable = dict(env, DATABASE_URL=f"postgres://postgres@127.0.0.1:{servers.free_port()}/geen")
    for argv in systemd_jobs():
        result = servers.run(*argv, env=unreachable)
        assert result.returncode != 0, (argv, result.stdout)
