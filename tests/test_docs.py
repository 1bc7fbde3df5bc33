"""Tests that the documentation stays true to the code: names, options, exit codes, commands.

The code samples themselves run as doctests (``--doctest-glob=*.md`` over docs/ and README.md);
these tests check what doctests cannot: that every public name and every command-line option
is documented, and that the README's commands exist.
"""

import re
from importlib import resources
from pathlib import Path

import pytest

import newsmodel
from newsmodel import batch, cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def docs_text(*names: str) -> str:
    """The text of the given doc pages (paths relative to docs/), joined."""
    return "\n".join((DOCS / name).read_text(encoding="utf-8") for name in names)


def all_docs() -> str:
    """Every page of the documentation, included fragments too."""
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(DOCS.rglob("*.md")))


def toctree_entries() -> set[str]:
    """The pages the index's toctrees list."""
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    entries: set[str] = set()
    for block in re.findall(r"```\{toctree\}\n(.*?)```", index, flags=re.DOTALL):
        lines = [line.strip() for line in block.splitlines()]
        entries.update(line for line in lines if line and not line.startswith(":"))
    return entries


class TestReference:
    @pytest.mark.parametrize("name", [n for n in newsmodel.__all__ if n != "__version__"])
    def test_public_name_documented(self, name):
        """Every name newsmodel exports appears in the API or model reference."""
        reference = docs_text("reference/api.md", "reference/model.md", "reference/exceptions.md")
        assert f"newsmodel.{name}" in reference

    @pytest.mark.parametrize("name", batch.__all__)
    def test_batch_name_documented(self, name):
        """Every name newsmodel.batch exports appears in the batch reference."""
        assert f"newsmodel.batch.{name}" in docs_text("reference/batch.md")

    def test_every_page_is_in_a_toctree(self):
        """Each page (not an included fragment) is reachable from the index."""
        pages = {
            str(path.relative_to(DOCS).with_suffix(""))
            for path in DOCS.rglob("*.md")
            if not path.name.startswith("_") and path.name != "index.md"
        }
        assert pages == toctree_entries()


class TestCommandLine:
    def parser_options(self, command: str) -> set[str]:
        parser = cli._build_parser()
        subparsers = next(a for a in parser._actions if a.dest == "command")
        options = {s for action in subparsers.choices[command]._actions for s in action.option_strings}
        return {option for option in options if option.startswith("--")} - {"--help"}

    @pytest.mark.parametrize("command", ["parse", "batch", "validate", "schema"])
    def test_commands_documented(self, command):
        """Each command has its own section in the command-line page."""
        assert f"## `newsmodel {command}`" in docs_text("cli.md")

    @pytest.mark.parametrize("command", ["parse", "batch"])
    def test_options_documented(self, command):
        """Every long option of parse and batch is described in the command-line page."""
        page = docs_text("cli.md")
        missing = {option for option in self.parser_options(command) if f"`{option}" not in page}
        assert not missing

    def test_exit_codes_documented(self):
        """The exit-status table lists exactly the statuses the CLI defines."""
        page = docs_text("cli.md")
        table = page[page.index("## Exit status") :]
        documented = {int(code) for code in re.findall(r"^\| (\d+) \|", table, flags=re.MULTILINE)}
        defined = {getattr(cli, name) for name in cli.__all__ if name.startswith("EXIT_")}
        assert documented == defined

    def test_formats_documented(self):
        """Every --format choice of parse is explained."""
        page = docs_text("cli.md")
        for choice in ("text", "json", "ninjs", "jsonld", "body"):
            assert f"`{choice}`" in page


class TestReadme:
    def test_the_two_commands(self):
        """The README gives the demo and test commands, and both scripts exist."""
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        assert "$ bash scripts/demo.sh" in readme
        assert "$ bash scripts/test.sh" in readme
        assert (ROOT / "scripts" / "demo.sh").is_file()
        assert (ROOT / "scripts" / "test.sh").is_file()
        assert "newsmodel parse --sample" in (ROOT / "scripts" / "demo.sh").read_text(encoding="utf-8")

    def test_sample_output_is_real(self):
        """Each line the README shows from `newsmodel parse --sample` is in the real output."""
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        block = readme[readme.index("$ newsmodel parse --sample\n") :]
        shown = block[len("$ newsmodel parse --sample\n") : block.index("```")].splitlines()
        sample = resources.files("newsmodel.data").joinpath(cli.SAMPLE).read_text(encoding="utf-8")
        article = newsmodel.parse_text(sample)
        real = cli.summarize(article).splitlines()
        claimed = [line for line in shown if line.strip() and line.strip() != "..."]
        assert len(claimed) >= 10
        assert [line for line in claimed if line not in real] == []

    def test_links_to_docs_exist(self):
        """Every relative link in the README points at a file in the repository."""
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        targets = re.findall(r"\]\(((?!https?:)[^)#]+)(?:#[^)]*)?\)", readme)
        assert targets
        assert [t for t in targets if not (ROOT / t).exists()] == []


class TestExamplesInDocs:
    def test_example_scripts_mentioned_exist(self):
        """Every examples/*.py a page mentions exists."""
        text = all_docs() + (ROOT / "README.md").read_text(encoding="utf-8")
        mentioned = set(re.findall(r"examples/(\w+\.py)", text))
        assert mentioned
        assert {name for name in mentioned if not (ROOT / "examples" / name).is_file()} == set()
