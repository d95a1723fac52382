"""Install the .deb and prove it works for a clerk: the checks behind `make installer-check`.

    python installer/linux/check_package.py dist/sbpac-desktop_0.1.0-1_amd64.deb [--no-upgrade]

As root (CI, a test machine) the package is installed for real with apt-get, without
Recommends, so the Depends line alone must be enough; everything the app runs then runs as an
unprivileged user (`nobody`, through setpriv) with a fresh home folder:

 1. files in place: /usr/bin link, desktop entry (desktop-file-validate), icons;
 2. every ELF file under /opt/sbpac-desktop resolves all its libraries (ldd), and each system
    library comes from the package shlibs.map names for it (dpkg -S);
 3. `sbpac-desktop --self-test` exits 0, writes nothing into the home folder or /opt;
 4. the window opens offscreen (SBPAC_GUI_SMOKE=1) and creates the default database in the
    user's data folder; start-up time measured over several runs; then on X11 (Xvfb) through
    Qt's xcb plugin, which proves the Depends line covers the X11 libraries;
 5. upgrade: with data in the user's database, a newer package (same program plus one extra
    schema revision that rebuilds the `meeting` table) is installed over it; the first start
    backs the file up and migrates it, and every record is still there (`check` passes);
 6. downgrade: the older package refuses the newer database (exit 6) and leaves it unchanged;
 7. apt-get remove, then purge: /opt/sbpac-desktop is gone, the user's database is untouched;
 8. the per-user installation without root (install-user.sh): installs under ~/.local, the
    self-test passes, reinstalling and uninstalling keep the user's database.

Without root (or with --scratch) the package is unpacked into a scratch root (dpkg-deb -x) and
steps 1, 3, 4 and 8 run as the current user; 2 and 5-7 are reported as skipped.
A JSON summary goes to dist/installer-check.json.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "pyinstaller"))

import build_deb  # noqa: E402
import bundle  # noqa: E402

PACKAGE = "sbpac-desktop"
SMOKE_HOLD_SECONDS = 0.300  # gui/startup.py SMOKE_QUIT_MS: the window stays up this long, then closes
START_RUNS = 5
AS_OF = "15/02/2563"
LOG_LINE = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) \w+ [\w.]+: (.*)$")


class CheckFailed(Exception):
    pass


class Checker:
    def __init__(self, deb: Path, *, upgrade: bool, scratch: bool = False) -> None:
        self.deb = deb.resolve()
        self.upgrade = upgrade
        self.root = not scratch and os.geteuid() == 0 and shutil.which("apt-get") is not None
        self.work = Path(tempfile.mkdtemp(prefix="sbpac-installer-check-"))
        self.work.chmod(0o755)
        self.prefix = Path("/") if self.root else self.work / "scratch-root"
        self.results: dict[str, object] = {"package": self.deb.name, "mode": "apt-get" if self.root else "scratch"}
        self.home = self._new_home("clerk")

    # --- helpers ------------------------------------------------------------------------------

    @property
    def program(self) -> str:
        return "/usr/bin/sbpac-desktop" if self.root else str(self.prefix / "opt" / PACKAGE / PACKAGE)

    @property
    def who(self) -> str:
        return "the unprivileged user nobody" if self.root else "the current user"

    def _new_home(self, name: str) -> Path:
        home = self.work / name
        home.mkdir()
        if self.root:
            shutil.chown(home, "nobody", "nogroup")
        return home

    def say(self, text: str) -> None:
        print(f"[installer-check] {text}", flush=True)

    def sh(self, *command: str, check: bool = True, quiet: bool = False) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        if check and done.returncode != 0:
            raise CheckFailed(f"{' '.join(command)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
        if not quiet and done.stdout.strip():
            print(done.stdout.rstrip())
        return done

    def as_user(
        self,
        *args: str,
        home: Path | None = None,
        env: dict[str, str | None] | None = None,
        program: str | None = None,
    ) -> tuple[int, str]:
        """Run the installed program as an unprivileged user with a clean environment."""
        home = home or self.home
        wanted: dict[str, str | None] = {
            "HOME": str(home),
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "TZ": "UTC",  # the log's timestamps are read back to measure start-up
            **(env or {}),
        }
        clean = {name: value for name, value in wanted.items() if value is not None}  # None: unset
        command = [program or self.program, *args]
        if self.root:
            command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
        done = subprocess.run(command, capture_output=True, text=True, env=clean, cwd=home)
        return done.returncode, done.stdout + done.stderr

    def expect(
        self,
        code: int,
        *args: str,
        home: Path | None = None,
        env: dict[str, str | None] | None = None,
        program: str | None = None,
    ) -> str:
        got, output = self.as_user(*args, home=home, env=env, program=program)
        if got != code:
            raise CheckFailed(f"{program or self.program} {' '.join(args)}: exit {got}, expected {code}\n{output}")
        return output

    def database(self, home: Path | None = None) -> Path:
        return (home or self.home) / ".local" / "share" / PACKAGE / "sbpac.db"

    @staticmethod
    def digest(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    @staticmethod
    def counts(path: Path) -> dict[str, int]:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
            tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
            result = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)}
        conn.close()
        return result

    @staticmethod
    def revision(path: Path) -> str:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
            value = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        conn.close()
        return str(value)

    def tree_snapshot(self, folder: Path) -> set[str]:
        return {str(p.relative_to(folder)) for p in folder.rglob("*")}

    # --- steps --------------------------------------------------------------------------------

    def install(self, deb: Path, *, downgrade: bool = False) -> None:
        if self.root:
            extra = ["--allow-downgrades"] if downgrade else []
            self.sh("apt-get", "install", "-y", "-q", "--no-install-recommends", *extra, str(deb), quiet=True)
            version = self.sh("dpkg-query", "-W", "-f=${Version}", PACKAGE, quiet=True).stdout
            self.say(f"installed {deb.name} with apt-get (version {version})")
        else:
            self.sh("dpkg-deb", "-x", str(deb), str(self.prefix))
            self.say(f"unpacked {deb.name} into {self.prefix} (scratch root, nothing installed system-wide)")

    def check_files(self) -> None:
        opt = self.prefix / "opt" / PACKAGE
        link = self.prefix / "usr" / "bin" / PACKAGE
        if not (opt / PACKAGE).is_file() or os.readlink(link) != f"/opt/{PACKAGE}/{PACKAGE}":
            raise CheckFailed(f"{opt / PACKAGE} or the {link} link is missing")
        desktop = self.prefix / "usr" / "share" / "applications" / f"{PACKAGE}.desktop"
        if shutil.which("desktop-file-validate"):
            self.sh("desktop-file-validate", str(desktop))
        icons = self.prefix / "usr" / "share" / "icons" / "hicolor"
        missing = [s for s in (48, 256) if not (icons / f"{s}x{s}" / "apps" / f"{PACKAGE}.png").is_file()]
        if missing or not (icons / "scalable" / "apps" / f"{PACKAGE}.svg").is_file():
            raise CheckFailed(f"icons missing under {icons}")
        size = sum(p.stat().st_size for p in opt.rglob("*") if p.is_file() and not p.is_symlink())
        self.results["installed_mb"] = round(size / 1e6, 1)
        self.say(f"files in place: /usr/bin link, desktop entry valid, icons; /opt/{PACKAGE} = {size / 1e6:.0f} MB")

    def check_libraries(self) -> None:
        if not self.root:
            self.say("library check skipped (needs the Depends installed: run as root)")
            return
        mapping = build_deb.read_shlibs_map()
        opt = Path("/opt") / PACKAGE
        unresolved, wrong_owner, owners = [], [], {}
        for path in sorted(opt.rglob("*")):
            if path.is_symlink() or not path.is_file() or bundle.elf_dynamic(path) is None:
                continue
            out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
            for line in out.splitlines():
                name, _, target = (part.strip() for part in line.partition("=>"))
                if "not found" in target:
                    unresolved.append(f"{path.relative_to(opt)}: {name}")
                elif target.startswith("/") and not target.startswith(str(opt)):
                    owners.setdefault(name, target.split(" (")[0])
        for name, target in sorted(owners.items()):
            if name not in mapping:
                continue  # provided inside the bundle under another path, or the dynamic loader itself
            real = os.path.realpath(target)
            found = subprocess.run(["dpkg", "-S", real], capture_output=True, text=True)
            if found.returncode != 0:
                found = subprocess.run(["dpkg", "-S", target], capture_output=True, text=True)
            package = found.stdout.split(":", 1)[0].strip()
            allowed = {alt.split()[0] for alt in mapping[name].split("|")}
            if package not in allowed:
                wrong_owner.append(f"{name}: from {package or '?'}, shlibs.map says {mapping[name]}")
        if unresolved or wrong_owner:
            raise CheckFailed("libraries:\n  " + "\n  ".join(unresolved + wrong_owner))
        self.say(f"libraries: every ELF file resolves; {len(owners)} system libraries, all from the Depends packages")

    def self_test(self) -> None:
        home = self._new_home("selftest")
        opt = self.prefix / "opt" / PACKAGE
        before = self.tree_snapshot(opt)
        started = time.perf_counter()
        output = self.expect(0, "--self-test", home=home)
        seconds = time.perf_counter() - started
        print(output.rstrip())
        if "self-test passed" not in output:
            raise CheckFailed("the self-test did not report success")
        written = self.tree_snapshot(home)
        if written:
            raise CheckFailed(f"the self-test wrote into the home folder: {sorted(written)[:5]}")
        if self.tree_snapshot(opt) != before:
            raise CheckFailed(f"the self-test changed {opt}")
        self.results["self_test_seconds"] = round(seconds, 2)
        self.say(f"self-test passed as {self.who} in {seconds:.1f} s; home and /opt untouched")

    def smoke_times(self) -> None:
        log = self.home / ".local" / "state" / PACKAGE / "log" / f"{PACKAGE}.log"
        shown, walls = [], []
        for run in range(START_RUNS):
            started = time.time()
            output = self.expect(0, env={"SBPAC_GUI_SMOKE": "1"})
            walls.append(time.time() - started)
            finished = [m for m in map(LOG_LINE.match, log.read_text(encoding="utf-8").splitlines()) if m]
            finished = [m for m in finished if m.group(2) == "Smoke run finished"]
            if len(finished) != run + 1:
                raise CheckFailed(f"no 'Smoke run finished' in {log}\n{output}")
            logged = datetime.strptime(finished[-1].group(1), "%Y-%m-%d %H:%M:%S,%f")
            stamp = logged.replace(tzinfo=UTC).timestamp()
            shown.append(stamp - SMOKE_HOLD_SECONDS - started)
        if not self.database().is_file():
            raise CheckFailed(f"the first start did not create {self.database()}")
        warm = statistics.median(shown[1:])
        self.results.update(
            start_to_window_first_s=round(shown[0], 2),
            start_to_window_median_s=round(warm, 2),
            start_to_window_runs_s=[round(s, 2) for s in shown],
            smoke_wall_median_s=round(statistics.median(walls[1:]), 2),
        )
        self.say(
            f"window opens offscreen: start to window shown {warm:.2f} s (median of {START_RUNS - 1} runs; "
            f"first start, which creates the database, {shown[0]:.2f} s); database in {self.database().parent}"
        )

    def x11_window(self) -> None:
        """The xcb platform plugin and the X11 libraries it needs, on a virtual X server."""
        xvfb = shutil.which("Xvfb")
        if xvfb is None:
            self.say("X11 check skipped (no Xvfb; apt-get install xvfb)")
            return
        display = next(n for n in range(87, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
        server = subprocess.Popen(
            [xvfb, f":{display}", "-nolisten", "tcp", "-ac", "-screen", "0", "1280x800x24"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(50):
                if Path(f"/tmp/.X11-unix/X{display}").exists():
                    break
                time.sleep(0.1)
            home = self._new_home("x11")
            env = {"SBPAC_GUI_SMOKE": "1", "DISPLAY": f":{display}", "QT_QPA_PLATFORM": None, "QT_DEBUG_PLUGINS": "1"}
            output = self.expect(0, home=home, env=env)
        finally:
            server.terminate()
            server.wait(timeout=10)
        if 'libqxcb.so" loaded library' not in output:
            raise CheckFailed(f"the xcb platform plugin was not used:\n{output[-2000:]}")
        self.say(f"window opens on X11 (xcb plugin, Xvfb :{display}) as {self.who}")

    def load_data(self) -> dict[str, object]:
        self.expect(0, "demo")
        state = {
            "meetings": self.expect(0, "meetings", "--json"),
            "directives": self.expect(0, "directives", "--json", "--as-of", AS_OF),
            "counts": self.counts(self.database()),
            "revision": self.revision(self.database()),
            "sha256": self.digest(self.database()),
        }
        self.say(
            f"user data: demo loaded, {state['counts'].get('directive', 0)} directives, schema {state['revision']}"
        )
        return state

    def upgrade_and_downgrade(self, state: dict[str, object]) -> None:
        newer = make_newer_package(self.deb, self.work)
        self.install(newer)
        database = self.database()
        if self.digest(database) != state["sha256"]:
            raise CheckFailed("installing the newer package changed the user's database")
        self.expect(0, "meetings")  # first start of the new version: backup + migration
        revision = self.revision(database)
        backups = sorted((database.parent / "backups").glob("*-pre-migration.db"))
        if revision != UPGRADE_REVISION or not backups:
            raise CheckFailed(f"first start after the upgrade: schema {revision}, pre-migration backups {backups}")
        if self.revision(backups[-1]) != state["revision"]:
            raise CheckFailed(f"{backups[-1].name} does not hold the data as it was before the upgrade")
        counts = self.counts(database)
        before: dict[str, int] = state["counts"]  # type: ignore[assignment]
        lost = {table: (n, counts.get(table)) for table, n in before.items() if counts.get(table) != n}
        lost.pop("alembic_version", None)
        if lost:
            raise CheckFailed(f"rows changed by the migration: {lost}")
        if self.expect(0, "meetings", "--json") != state["meetings"]:
            raise CheckFailed("meetings differ after the upgrade")
        if self.expect(0, "directives", "--json", "--as-of", AS_OF) != state["directives"]:
            raise CheckFailed("directives differ after the upgrade")
        self.expect(0, "check")
        self.say(
            f"upgrade: data kept; first start backed up ({backups[-1].name}) and migrated "
            f"{state['revision']} -> {revision} rebuilding the meeting table; all rows and `check` ok"
        )
        digest = self.digest(database)
        self.install(self.deb, downgrade=True)
        output = self.expect(6, "meetings")
        if self.digest(database) != digest:
            raise CheckFailed("the older version changed the newer database")
        self.say(f"downgrade: the older version refuses the newer database, file unchanged ({output.strip()[:80]}…)")
        self.results["upgrade"] = "passed"

    def per_user_install(self) -> None:
        """install-user.sh: no root, everything under the user's home; upgrade and uninstall keep the data."""
        home = self._new_home("peruser")
        script = str(HERE / "install-user.sh")
        shell = "/bin/sh"
        self.expect(0, script, str(self.deb), home=home, program=shell)
        program = home / ".local" / "opt" / PACKAGE / PACKAGE
        entry = home / ".local" / "share" / "applications" / f"{PACKAGE}.desktop"
        if not program.is_file() or not (home / ".local" / "bin" / PACKAGE).is_symlink() or not entry.is_file():
            raise CheckFailed(f"install-user.sh did not install into {home / '.local'}")
        if shutil.which("desktop-file-validate"):
            self.sh("desktop-file-validate", str(entry))
        launcher = str(home / ".local" / "bin" / PACKAGE)
        self.expect(0, "--self-test", home=self._new_home("peruser-selftest"), program=launcher)
        self.expect(0, "demo", home=home, program=launcher)
        database = self.database(home)
        digest = self.digest(database)
        self.expect(0, script, str(self.deb), home=home, program=shell)  # the upgrade path: replace the copy
        self.expect(0, script, "--uninstall", home=home, program=shell)
        if program.exists() or entry.exists():
            raise CheckFailed("install-user.sh --uninstall left the program behind")
        if self.digest(database) != digest:
            raise CheckFailed("reinstalling or uninstalling for the user changed the database")
        self.say(
            f"per-user install (install-user.sh, no root) as {self.who}: self-test passed; "
            "reinstall and uninstall keep the user's database"
        )
        self.results["per_user_install"] = "passed"

    def remove_keeps_data(self) -> None:
        database = self.database()
        digest = self.digest(database)
        self.sh("apt-get", "remove", "-y", "-q", PACKAGE, quiet=True)
        if Path("/opt", PACKAGE, PACKAGE).exists() or Path("/usr/bin", PACKAGE).exists():
            raise CheckFailed("apt-get remove left the program behind")
        self.sh("apt-get", "purge", "-y", "-q", PACKAGE, quiet=True)
        leftovers = list(Path("/opt", PACKAGE).rglob("*")) if Path("/opt", PACKAGE).exists() else []
        if leftovers or Path("/opt", PACKAGE).exists():
            raise CheckFailed(f"purge left files in /opt/{PACKAGE}: {leftovers[:5]}")
        if self.digest(database) != digest:
            raise CheckFailed("removing the package changed the user's database")
        self.say(f"remove + purge: /opt/{PACKAGE} gone, the user's database untouched ({database})")
        self.results["remove_keeps_data"] = "passed"

    def run(self) -> int:
        try:
            self.install(self.deb)
            self.check_files()
            self.check_libraries()
            self.self_test()
            self.smoke_times()
            self.x11_window()
            self.per_user_install()
            if self.root:
                state = self.load_data()
                if self.upgrade:
                    self.upgrade_and_downgrade(state)
                self.remove_keeps_data()
            else:
                self.say("upgrade, downgrade and removal checks skipped (need root for apt-get)")
        except CheckFailed as failure:
            print(f"[installer-check] FAILED: {failure}", file=sys.stderr)
            if self.root:
                subprocess.run(["apt-get", "purge", "-y", "-q", PACKAGE], capture_output=True)
            return 1
        finally:
            out = ROOT / "dist" / "installer-check.json"
            out.write_text(json.dumps(self.results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            shutil.rmtree(self.work, ignore_errors=True)
        self.say(f"all checks passed; summary in {out.relative_to(ROOT)}")
        return 0


# --- the newer package for the upgrade check ---------------------------------------------------

UPGRADE_REVISION = "9999_installer_upgrade_check"
UPGRADE_SCRIPT = '''"""installer-check only: a newer schema that rebuilds the meeting table (SQLite batch mode).

Never part of the source tree: check_package.py adds it to a copy of the bundle.
"""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(sa.Column("installer_upgrade_check", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("installer_upgrade_check")
'''


def head_revision(versions: Path) -> str:
    revisions, parents = set(), set()
    for path in versions.glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                name = node.targets[0].id
                if name == "revision":
                    revisions.add(ast.literal_eval(node.value))
                elif name == "down_revision":
                    value = ast.literal_eval(node.value)
                    parents.update(value if isinstance(value, (tuple, list)) else [value])
    heads = revisions - parents
    if len(heads) != 1:
        raise CheckFailed(f"expected one migration head in {versions}, found {heads}")
    return heads.pop()


def make_newer_package(deb: Path, work: Path) -> Path:
    """The installed package's program plus one more schema revision, as version <version>+upgradecheck1."""
    unpacked = work / "newer"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
    fields = subprocess.run(["dpkg-deb", "-f", str(deb), "Version"], capture_output=True, text=True, check=True)
    upstream, _, revision = fields.stdout.strip().rpartition("-")
    program = unpacked / "opt" / PACKAGE
    versions = program / "_internal" / "sbpac_desktop" / "store" / "migrations" / "versions"
    script = UPGRADE_SCRIPT.format(revision=UPGRADE_REVISION, down=head_revision(versions))
    (versions / f"{UPGRADE_REVISION}.py").write_text(script, encoding="utf-8")
    return build_deb.build(program, work, f"{upstream}+upgradecheck1", revision or "1", "zstd")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("deb", type=Path)
    parser.add_argument("--no-upgrade", action="store_true", help="skip the upgrade/downgrade check")
    parser.add_argument("--scratch", action="store_true", help="unpack into a scratch root even as root")
    args = parser.parse_args(argv)
    return Checker(args.deb, upgrade=not args.no_upgrade, scratch=args.scratch).run()


if __name__ == "__main__":
    sys.exit(main())
