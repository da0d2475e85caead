"""The merged sources of an index, kept in SQLite beside it (`sources.sqlite`).

Merging tens of thousands of names takes seconds, and every CLI command is a fresh process: so the
merge is done once per ingest and its result stored, and a query reads only the rows it needs (the
speakers of the records it returns, the names a user typed). The same interface as
`index.entities.Resolver`, which stays the in-memory fallback for a read-only index.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

from index.entities import Entity, Mention, Resolver, fold, org_key, parse_name, slug
from index.records import SEP, open_records

FILE = "sources.sqlite"
_KINDS = {"q": "quote", "f": "figure", "c": "claim", "p": "pull", "a": "abbrev"}
_CACHE: dict[str, tuple[int, SourceStore | Resolver]] = {}
_CACHE_LOCK = threading.Lock()


def current(index_dir: Path, rix=None) -> SourceStore | Resolver:
    """The sources of the index as of its latest records commit: from this process' memory, else
    from `sources.sqlite`, else merged now (and stored, unless the folder is read-only)."""
    rix = rix or open_records(index_dir)
    generation = rix.latest_generation()
    key = str(Path(index_dir).resolve())
    with _CACHE_LOCK:
        hit = _CACHE.get(key)
        if hit and hit[0] == generation:
            return hit[1]
        if hit and isinstance(hit[1], SourceStore):
            hit[1].close()
        path = Path(index_dir) / FILE
        sources = _open(path, generation)
        if sources is None:
            res = merge(rix)
            try:
                write(path, res, generation)
                sources = _open(path, generation)
            except (OSError, sqlite3.Error):
                sources = None
            sources = sources or res  # a read-only index answers from memory
        _CACHE[key] = (generation, sources)
        return sources


def refresh(index_dir: Path) -> None:
    """Merge and store the sources now (after an ingest), so that the next query does not wait."""
    rix = open_records(index_dir)
    if rix is not None:
        current(index_dir, rix)


def _open(path: Path, generation: int) -> SourceStore | None:
    if not path.exists():
        return None
    try:
        store = SourceStore(path)
        if store.generation == generation:
            return store
        store.close()
    except sqlite3.Error:
        pass
    return None


def _live_weight(reader, text: str) -> int:
    """How many times the records not deleted mention `text`."""
    m = reader.postings("mention", text)
    n = 0
    while m.is_active():
        n += int(m.weight())
        m.next()
    return n


def merge(rix) -> Resolver:
    """Merge every name the records mention (their `mention` lexicon, with counts) into sources."""
    counts: dict[str, int] = {}
    with rix.searcher() as s:
        # segment by segment: whoosh's merged term iterator looks every term up in every segment
        for reader, _offset in s.reader().leaf_readers():
            # a replaced or pruned document's terms stay in the lexicon until its segment is merged
            exact = reader.has_deletions()
            for term, info in reader.iter_field("mention"):
                text = term.decode("utf-8") if isinstance(term, bytes) else term
                # weights, not documents: a claims record names a source once for each claim
                n = _live_weight(reader, text) if exact else int(info.weight())
                if n:
                    counts[text] = counts.get(text, 0) + n
    mentions: list[Mention] = []
    outlets: list[tuple[str, int]] = []
    for text, n in counts.items():
        letter, raw, org = (text.split(SEP) + ["", ""])[:3]
        if letter == "d":
            if raw:
                outlets.append((raw, n))
        elif raw:
            mentions.append(Mention(raw, org or None, None, _KINDS.get(letter, "quote"), n))
    return Resolver(mentions, outlets)
_SCHEMA = """
CREATE TABLE meta (generation INTEGER);
CREATE TABLE entity (key TEXT PRIMARY KEY, kind TEXT, name TEXT, surname TEXT, speaks_for TEXT,
                     said INTEGER, printed INTEGER, state TEXT);
CREATE TABLE alias (folded TEXT, key TEXT);
CREATE TABLE mention (raw TEXT, org TEXT, key TEXT, PRIMARY KEY (raw, org));
CREATE INDEX alias_folded ON alias (folded);
CREATE INDEX entity_surname ON entity (surname);
CREATE INDEX entity_speaks_for ON entity (speaks_for);
CREATE INDEX entity_said ON entity (said DESC, printed DESC);
"""


def write(path: Path, res: Resolver, generation: int) -> None:
    """Store `res` for records generation `generation`, replacing any older store atomically."""
    tmp = path.with_name(f"{path.name}.{threading.get_ident()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript(_SCHEMA)
        rows, aliases = [], []
        for e in res.entities.values():
            kind, rest = e.key.split(":", 1)
            surname = rest.rsplit("-", 1)[-1] if kind == "person" else None
            speaks_for = rest.split("@", 1)[1] if kind == "unnamed" and "@" in rest else None
            said = e.counts["quote"] + e.counts["figure"] + e.counts["claim"]
            rows.append((e.key, e.kind, e.name, surname, speaks_for, said, e.counts["printed"], json.dumps(e.state())))
            aliases.extend((f, e.key) for f in {fold(a) for a in [e.name, *e.aliases]})
        db.executemany("INSERT INTO entity VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO alias VALUES (?, ?)", aliases)
        db.executemany("INSERT OR REPLACE INTO mention VALUES (?, ?, ?)",
                       [(raw, org, key) for (raw, org), key in res.mention_keys().items()])
        db.execute("INSERT INTO meta VALUES (?)", (generation,))
        db.commit()
    finally:
        db.close()
    tmp.replace(path)


class SourceStore:
    """Read side: the same questions as `Resolver`, answered from SQLite."""

    def __init__(self, path: Path):
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._entities: dict[str, Entity | None] = {}
        self._keys: dict[tuple[str, str], str | None] = {}

    def close(self) -> None:
        self._db.close()

    def _rows(self, sql: str, args=()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    @property
    def generation(self) -> int | None:
        rows = self._rows("SELECT generation FROM meta")
        return rows[0][0] if rows else None

    def key_of(self, raw: str | None, org: str | None = None) -> str | None:
        if not raw:
            return None
        k = (raw, org or "")
        if k not in self._keys:
            rows = self._rows("SELECT key FROM mention WHERE raw = ? AND org IN (?, '') ORDER BY org = '' LIMIT 1",
                              (raw, org or ""))
            self._keys[k] = rows[0][0] if rows else None
        return self._keys[k]

    def printed_as(self, names) -> list[tuple[str, str]]:
        """As `Resolver.printed_as`."""
        names = [n for n in names if n]
        if not names:
            return []
        marks = ",".join("?" * len(names))
        return self._rows(f"SELECT raw, org FROM mention WHERE raw IN ({marks})", names)

    def entity(self, key: str | None) -> Entity | None:
        if not key:
            return None
        if key not in self._entities:
            rows = self._rows("SELECT state FROM entity WHERE key = ?", (key,))
            self._entities[key] = Entity.from_state(json.loads(rows[0][0])) if rows else None
        return self._entities[key]

    def name_of(self, key: str | None) -> str | None:
        ent = self.entity(key)
        return ent.name if ent else None

    def _many(self, keys) -> list[Entity]:
        return [e for e in (self.entity(k) for k in keys) if e is not None]

    def top(self, limit: int) -> list[Entity]:
        return self._many(k for (k,) in self._rows(
            "SELECT key FROM entity WHERE said + printed > 0 ORDER BY said DESC, printed DESC, name LIMIT ?", (limit,)))

    def spokespeople(self, org_entity_key: str) -> list[Entity]:
        return self._many(k for (k,) in self._rows("SELECT key FROM entity WHERE speaks_for = ?",
                                                   (org_entity_key.split(":", 1)[1],)))

    def find(self, name: str) -> list[Entity]:
        """As `Resolver.find`: a key, a printed name, the same person by surname, an organisation,
        then every word contained; an organisation's unnamed spokespeople follow it."""
        name = name.strip()
        if not name:
            return []
        if self.entity(name) is not None:
            return [self.entity(name)]
        folded = fold(name)
        found: dict[str, int] = {}
        for (key,) in self._rows("SELECT key FROM alias WHERE folded = ?", (folded,)):
            ent = self.entity(key)
            found[key] = 3 if ent and fold(ent.name) == folded else 2
        parsed = parse_name(name)
        if parsed.kind == "person" and parsed.tokens:
            full = f"person:{slug(' '.join(parsed.tokens))}"
            if self.entity(full) is not None:
                found.setdefault(full, 2)
            if len(parsed.tokens) == 1:
                for (key,) in self._rows("SELECT key FROM entity WHERE kind = 'person' AND surname = ?",
                                         (slug(parsed.tokens[0]),)):
                    found.setdefault(key, 1)
        okey = org_key(name)
        if okey and self.entity(f"org:{okey}") is not None:
            found.setdefault(f"org:{okey}", 2)
        if not found:
            words = folded.split()
            if words:
                sql = "SELECT DISTINCT key FROM alias WHERE " + " AND ".join("instr(folded, ?) > 0" for _ in words)
                for (key,) in self._rows(sql + " LIMIT 500", words):
                    found.setdefault(key, 0)
        for key in [k for k in found if k.startswith("org:")]:
            for spokes in self.spokespeople(key):
                found.setdefault(spokes.key, -1)
        ents = self._many(found)
        return sorted(ents, key=lambda e: (-found[e.key], -sum(e.counts.values()), e.name))
