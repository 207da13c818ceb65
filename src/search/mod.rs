//! FAQ and guide search: a SQLite FTS5 index of segmented Chinese text (design/site.md).
//! Built at start-up into `data/search.sqlite` (reused while the content is unchanged); a
//! missing, stale or corrupt file is rebuilt, and when the directory cannot be written the
//! index lives in memory. The query is always plain text: never FTS5 or SQL syntax.

pub mod segment;

use crate::content::Library;
use rusqlite::{Connection, OpenFlags, params};
use segment::{Segmenter, highlight};
pub mod query;

pub use query::Places;
pub use segment::{Span, bracketed};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bump when the schema or the segmentation changes: an old file is then rebuilt.
const SCHEMA_VERSION: &str = "4";
/// Longer queries are cut to this many characters (a question, not an essay).
pub const MAX_QUERY_CHARS: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Faq,
    Guide,
}

impl DocKind {
    fn as_str(self) -> &'static str {
        match self {
            DocKind::Faq => "faq",
            DocKind::Guide => "guide",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            DocKind::Faq => "常见问题",
            DocKind::Guide => "指南",
        }
    }
}

/// One searchable unit: a FAQ entry, or one H2/H3 section of a guide.
#[derive(Debug, Clone)]
pub struct Doc {
    pub kind: DocKind,
    /// Where the result links: `/faq/x` or `/guides/x#anchor`.
    pub url: String,
    pub title: String,
    /// Where in the site it is: `指南 › 标题 › 小节`.
    pub crumb: String,
    pub body: String,
    pub tags: String,
}

/// The documents of a content library: FAQ entries and guide sections.
pub fn docs_of(lib: &Library) -> Vec<Doc> {
    let mut docs = Vec::new();
    for f in &lib.faqs {
        docs.push(Doc {
            kind: DocKind::Faq,
            url: f.path(),
            title: f.question.clone(),
            crumb: format!("常见问题 › {}", f.category_name()),
            body: format!("{} {}", f.short_answer, f.text),
            tags: format!("{} {}", f.tags.join(" "), f.category_name()),
        });
    }
    for g in &lib.guides {
        for s in &g.sections {
            let (url, title) = if s.anchor.is_empty() {
                (g.path(), g.title.clone())
            } else {
                (
                    format!("{}#{}", g.path(), s.anchor),
                    s.trail.last().cloned().unwrap_or_default(),
                )
            };
            let mut crumb = format!("指南 › {}", g.title);
            for t in s.trail.iter().take(s.trail.len().saturating_sub(1)) {
                crumb.push_str(" › ");
                crumb.push_str(t);
            }
            docs.push(Doc {
                kind: DocKind::Guide,
                url,
                title: if s.anchor.is_empty() {
                    title
                } else {
                    format!("{title}｜{}", g.title)
                },
                crumb,
                body: if s.anchor.is_empty() {
                    format!("{} {}", g.summary, s.text)
                } else {
                    s.text.clone()
                },
                tags: g.tags.join(" "),
            });
        }
    }
    docs
}

/// A search result, ready to show.
#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: DocKind,
    pub url: String,
    /// The title, matched words marked.
    pub title: Vec<Span>,
    pub crumb: String,
    /// A passage around the first match, matched words marked.
    pub snippet: Vec<Span>,
}

/// The search layer's one error type.
#[derive(Debug)]
pub enum SearchError {
    Sqlite(rusqlite::Error),
    Io(std::io::Error),
}

impl fmt::Display for SearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SearchError::Sqlite(e) => write!(f, "search index: {e}"),
            SearchError::Io(e) => write!(f, "search index file: {e}"),
        }
    }
}

impl std::error::Error for SearchError {}

impl From<rusqlite::Error> for SearchError {
    fn from(e: rusqlite::Error) -> Self {
        SearchError::Sqlite(e)
    }
}

impl From<std::io::Error> for SearchError {
    fn from(e: std::io::Error) -> Self {
        SearchError::Io(e)
    }
}

/// Where the index lives.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    File(PathBuf),
    /// A shared-cache in-memory database (the data directory could not be written).
    Memory(String),
}

/// How the index came to be at start-up (for the log and the tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Reused,
    Built,
    /// The file was unreadable, stale or corrupt and was rebuilt.
    Rebuilt,
    InMemory,
}

pub struct FaqIndex {
    location: Location,
    pub origin: Origin,
    pub doc_count: usize,
    /// Read connections, one per concurrent search (taken and given back).
    pool: Mutex<Vec<Connection>>,
    /// Every document in memory, lower-cased once, with the average body length (for the
    /// ranking's length normalisation): a query then reads only rowids from SQLite.
    mem: std::sync::OnceLock<Memory>,
    /// How many documents match a word (with its synonyms): the same for every query that
    /// uses it, so counted once. Bounded: cleared when it grows past `DF_CACHE_MAX`.
    df: Mutex<std::collections::HashMap<String, i64>>,
    /// Keeps an in-memory database alive while the process runs.
    _keeper: Mutex<Option<Connection>>,
    /// Place names, taken out of queries before matching.
    places: Places,
}

/// What a search found, and whether the match was approximate (a fallback).
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub hits: Vec<Hit>,
    /// No page held the words as asked: these match fewer words, or single characters.
    pub approximate: bool,
}

const SCHEMA: &str = "
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE docs(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, url TEXT NOT NULL,
                      title TEXT NOT NULL, crumb TEXT NOT NULL, body TEXT NOT NULL, tags TEXT NOT NULL);
    CREATE VIRTUAL TABLE fts USING fts5(title, tags, body, content='',
                      tokenize='unicode61 remove_diacritics 2');
";

fn fingerprint(docs: &[Doc]) -> String {
    let mut bytes = SCHEMA_VERSION.as_bytes().to_vec();
    for d in docs {
        for part in [
            d.kind.as_str(),
            &d.url,
            &d.title,
            &d.crumb,
            &d.body,
            &d.tags,
        ] {
            bytes.extend_from_slice(part.as_bytes());
            bytes.push(0);
        }
    }
    format!("{:016x}-{}", crate::hash::fnv64(&bytes), docs.len())
}

fn fill(conn: &mut Connection, docs: &[Doc], hash: &str) -> Result<(), SearchError> {
    let seg = Segmenter::get();
    conn.execute_batch(SCHEMA)?;
    let tx = conn.transaction()?;
    {
        let mut doc =
            tx.prepare("INSERT INTO docs(id, kind, url, title, crumb, body, tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
        let mut fts =
            tx.prepare("INSERT INTO fts(rowid, title, tags, body) VALUES (?1, ?2, ?3, ?4)")?;
        for (i, d) in docs.iter().enumerate() {
            let id = i as i64 + 1;
            doc.execute(params![
                id,
                d.kind.as_str(),
                d.url,
                d.title,
                d.crumb,
                d.body,
                d.tags
            ])?;
            fts.execute(params![
                id,
                seg.index_text(&d.title),
                seg.index_text(&d.tags),
                seg.index_text(&d.body)
            ])?;
        }
    }
    tx.execute("INSERT INTO meta(key, value) VALUES ('hash', ?1)", [hash])?;
    tx.commit()?;
    conn.execute_batch("INSERT INTO fts(fts) VALUES ('optimize');")?;
    Ok(())
}

/// Whether the file at `path` is a sound index of exactly these documents.
fn reusable(path: &Path, hash: &str) -> bool {
    let check = || -> Result<bool, SearchError> {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let stored: String =
            conn.query_row("SELECT value FROM meta WHERE key = 'hash'", [], |r| {
                r.get(0)
            })?;
        let ok: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        conn.query_row(
            "SELECT count(*) FROM fts WHERE fts MATCH '\"医保\"'",
            [],
            |r| r.get::<_, i64>(0),
        )?;
        Ok(stored == hash && ok == "ok")
    };
    check().unwrap_or(false)
}

fn remove_db_files(path: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

/// Removes the half-built files a crashed start-up left (`search.sqlite.tmp-<pid>`).
fn remove_stale_builds(data_dir: &Path) {
    let Ok(entries) = std::fs::read_dir(data_dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_name()
            .to_string_lossy()
            .starts_with("search.sqlite.tmp-")
        {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

fn build_file(data_dir: &Path, path: &Path, docs: &[Doc], hash: &str) -> Result<(), SearchError> {
    std::fs::create_dir_all(data_dir)?;
    // Build beside the real file and rename over it: a crash mid-build leaves no half index.
    let tmp = data_dir.join(format!("search.sqlite.tmp-{}", std::process::id()));
    remove_db_files(&tmp);
    let result = (|| {
        let mut conn = Connection::open(&tmp)?;
        fill(&mut conn, docs, hash)?;
        conn.close().map_err(|(_, e)| e)?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    })();
    if result.is_err() {
        remove_db_files(&tmp);
    }
    result
}

impl FaqIndex {
    /// Opens or builds the index for `docs` in `data_dir`. A missing, stale, corrupt or
    /// unwritable file is not an error: the index is rebuilt, or kept in memory. It fails only
    /// when SQLite cannot even make an in-memory database.
    pub fn open(data_dir: &Path, docs: &[Doc]) -> Result<FaqIndex, SearchError> {
        let hash = fingerprint(docs);
        let path = data_dir.join("search.sqlite");
        let existed = path.exists();
        if existed && reusable(&path, &hash) {
            return Ok(Self::with_file(path, Origin::Reused, docs.len()));
        }
        match build_file(data_dir, &path, docs, &hash) {
            Ok(()) => {
                remove_stale_builds(data_dir);
                let origin = if existed {
                    Origin::Rebuilt
                } else {
                    Origin::Built
                };
                Ok(Self::with_file(path, origin, docs.len()))
            }
            Err(e) => {
                tracing::warn!(
                    "search index cannot be written to {}: {e}; keeping it in memory",
                    data_dir.display()
                );
                Self::in_memory(docs, &hash)
            }
        }
    }

    fn with_file(path: PathBuf, origin: Origin, doc_count: usize) -> FaqIndex {
        FaqIndex {
            location: Location::File(path),
            origin,
            doc_count,
            pool: Mutex::new(Vec::new()),
            mem: std::sync::OnceLock::new(),
            df: Mutex::new(std::collections::HashMap::new()),
            _keeper: Mutex::new(None),
            places: Places::default(),
        }
    }

    /// An index that lives in memory only.
    pub fn in_memory(docs: &[Doc], hash: &str) -> Result<FaqIndex, SearchError> {
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "file:yibao-search-{}-{}?mode=memory&cache=shared",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        );
        let open = || {
            Connection::open_with_flags(
                &name,
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_CREATE
                    | OpenFlags::SQLITE_OPEN_URI,
            )
        };
        let mut keeper = open()?;
        fill(&mut keeper, docs, hash)?;
        Ok(FaqIndex {
            location: Location::Memory(name),
            origin: Origin::InMemory,
            doc_count: docs.len(),
            pool: Mutex::new(Vec::new()),
            mem: std::sync::OnceLock::new(),
            df: Mutex::new(std::collections::HashMap::new()),
            _keeper: Mutex::new(Some(keeper)),
            places: Places::default(),
        })
    }

    /// The place names to take out of queries (from the regions file).
    pub fn with_places(mut self, places: Places) -> FaqIndex {
        self.places = places;
        self
    }

    pub fn location(&self) -> &Location {
        &self.location
    }

    fn connect(&self) -> Result<Connection, SearchError> {
        let conn = match &self.location {
            Location::File(p) => Connection::open_with_flags(
                p,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?,
            Location::Memory(name) => Connection::open_with_flags(
                name,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_URI,
            )?,
        };
        conn.set_prepared_statement_cache_capacity(8);
        // Each concurrent search has its own connection: a 512 KiB page cache each (SQLite's
        // default is 2 MiB) keeps memory flat under load; the site's index is about 1 MiB.
        conn.pragma_update(None, "cache_size", -512)?;
        Ok(conn)
    }

    /// Runs `f` with a pooled read connection.
    fn with_conn<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, SearchError>,
    ) -> Result<T, SearchError> {
        let taken = self.pool.lock().ok().and_then(|mut p| p.pop());
        let conn = match taken {
            Some(c) => c,
            None => self.connect()?,
        };
        let out = f(&conn);
        if out.is_ok()
            && let Ok(mut p) = self.pool.lock()
            && p.len() < 16
        {
            p.push(conn);
        }
        out
    }

    /// Replaces a query word that no document holds (and has no synonym) by its single
    /// meaningful characters.
    fn known_terms(
        &self,
        seg: &Segmenter,
        terms: Vec<Vec<String>>,
    ) -> Result<Vec<Vec<String>>, SearchError> {
        self.with_conn(|conn| {
            let mut out = Vec::new();
            for group in terms {
                let unknown = group.len() == 1 && group[0].chars().count() >= 2 && {
                    match seg.fts_query(std::slice::from_ref(&group)) {
                        Some(m) => self.doc_frequency(conn, &m)? == 0,
                        None => true,
                    }
                };
                if unknown {
                    out.extend(seg.split_unknown(&group[0]));
                } else {
                    out.push(group);
                }
            }
            Ok(out)
        })
    }

    /// Searches FAQ entries and guide sections. `query` is plain text: any string is safe.
    ///
    /// FTS5 finds the candidates (any word of the query, or a synonym); they are then ranked
    /// by concept: each word of the query with its synonyms counts once, weighted by how rare
    /// it is, more in a title than in tags, more in tags than in the body.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        Ok(self.find(query, limit)?.hits)
    }

    /// [`search`](Self::search), also saying whether the results are approximate.
    pub fn find(&self, query: &str, limit: usize) -> Result<Found, SearchError> {
        let q: String = query
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_QUERY_CHARS)
            .collect();
        let q = q.trim();
        if q.is_empty() {
            return Ok(Found::default());
        }
        let seg = Segmenter::get();
        let understood = query::understand(q, &self.places);
        let q = understood.text.as_str();
        let asked = seg.query_terms(q);
        let terms = self.known_terms(seg, asked.clone())?;
        // A word the index does not know was cut into characters: the match is looser.
        let mut approximate = terms.len() > asked.len();
        let mut needles: Vec<String> = terms.iter().flatten().cloned().collect();
        if needles.is_empty() {
            needles.push(q.to_string());
        }
        let n = self.doc_count.max(1) as f64;
        let (ids, idf, mem) = self.with_conn(|conn| {
            let mem = self.memory(conn)?;
            let mut ids: Vec<i64> = Vec::new();
            let mut idf = Vec::new();
            if let Some(fts) = seg.fts_query(&terms) {
                for group in &terms {
                    let df = match seg.fts_query(std::slice::from_ref(group)) {
                        Some(m) => self.doc_frequency(conn, &m)? as f64,
                        None => 0.0,
                    };
                    idf.push((1.0 + (n - df + 0.5) / (df + 0.5)).ln());
                }
                let mut st = conn.prepare_cached(
                    "SELECT rowid FROM fts WHERE fts MATCH ?1 ORDER BY bm25(fts, 10.0, 4.0, 1.0) LIMIT 150",
                )?;
                ids = st.query_map([fts], |r| r.get(0))?.collect::<Result<Vec<_>, _>>()?;
            }
            if ids.is_empty() {
                approximate = true;
                // One character, or words the index does not hold: plain substring match.
                let mut st = conn.prepare_cached(
                    "SELECT id FROM docs
                     WHERE instr(title, ?1) > 0 OR instr(body, ?1) > 0
                     ORDER BY instr(title, ?1) = 0, kind = 'guide', length(body) LIMIT 30",
                )?;
                for needle in needles.iter().chain(std::iter::once(&q.to_string())) {
                    ids.extend(st.query_map([needle], |r| r.get::<_, i64>(0))?.collect::<Result<Vec<_>, _>>()?);
                    if !ids.is_empty() {
                        break;
                    }
                }
            }
            Ok((ids, idf, mem))
        })?;
        let rows: Vec<&MemDoc> = ids.iter().filter_map(|id| mem.docs.get(id)).collect();
        let avg_len = mem.avg_len;
        let query_pairs = char_pairs(q);
        let lower: Vec<Vec<String>> = terms
            .iter()
            .map(|g| g.iter().map(|a| a.to_lowercase()).collect())
            .collect();
        let matcher = Matcher::new(&lower);
        let mut scored: Vec<(f64, usize, &MemDoc)> = rows
            .into_iter()
            .enumerate()
            .map(|(rank, r)| {
                let s = score(r, &lower, &idf, avg_len, &matcher)
                    * fit(r, &understood)
                    * (1.0 + 1.5 * likeness(&query_pairs, &r.title));
                (s, rank, r)
            })
            .collect();
        // Best score first; FTS5's bm25 order breaks ties.
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut hits: Vec<Hit> = Vec::new();
        let mut per_page: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        for (_, _, d) in scored {
            let page = d.url.split('#').next().unwrap_or("").to_string();
            // One result per page: the best section of a guide stands for it.
            let seen = per_page.entry(page).or_insert(0);
            *seen += 1;
            if *seen > 1 {
                continue;
            }
            hits.push(Hit {
                kind: if d.kind == "faq" {
                    DocKind::Faq
                } else {
                    DocKind::Guide
                },
                title: highlight(&d.title, &needles, None),
                snippet: highlight(&d.body, &needles, Some(90)),
                url: d.url.clone(),
                crumb: d.crumb.clone(),
            });
            if hits.len() == limit {
                break;
            }
        }
        Ok(Found { hits, approximate })
    }
}

/// The character pairs of a text, punctuation and spaces left out.
fn char_pairs(s: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// How much a title reads like the question (Dice coefficient of character pairs, 0–1): a
/// FAQ whose question is the one asked beats a page that only mentions its words.
fn likeness(query_pairs: &[(char, char)], title: &str) -> f64 {
    if query_pairs.is_empty() {
        return 0.0;
    }
    let t = char_pairs(title);
    let shared = t
        .iter()
        .filter(|p| query_pairs.binary_search(p).is_ok())
        .count();
    2.0 * shared as f64 / (t.len() + query_pairs.len()).max(1) as f64
}

/// How well a page fits the kind of answer asked for (how, how long…) and the places named
/// (two provinces: a 跨省 page), as a factor on its score.
fn fit(r: &MemDoc, u: &query::Understood) -> f64 {
    let title = &r.title;
    let mut f = 1.0;
    for i in &u.intents {
        if i.title_words().iter().any(|w| title.contains(w)) {
            f *= 1.25;
        }
    }
    // "X 是什么意思": the glossary is the answer.
    if u.intents.contains(&query::Intent::Meaning) && r.url.starts_with("/guides/glossary") {
        f *= 2.5;
    }
    if let Some(scope) = u.scope {
        let words = scope.words();
        if words.iter().any(|w| title.contains(w)) {
            f *= 1.3;
        } else if words.iter().any(|w| r.tags.contains(w)) {
            f *= 1.15;
        }
    }
    f
}

/// The concept score of one document: for each query word (with its synonyms) found, its
/// rarity times where it was found. Documents that cover more of the query win.
fn score(
    r: &MemDoc,
    groups: &[Vec<String>],
    idf: &[f64],
    avg_len: f64,
    body_matcher: &Matcher,
) -> f64 {
    let len = r.chars as f64;
    let tfs = body_matcher.scan(&r.body_lower);
    let in_title_at = body_matcher.scan(&r.title_lower);
    let in_tags_at = body_matcher.scan(&r.tags_lower);
    let mut total = 0.0;
    let mut covered = 0usize;
    let mut in_title_count = 0usize;
    for g in 0..groups.len() {
        let w = idf.get(g).copied().unwrap_or(1.0);
        let in_title = in_title_at[g].count > 0;
        // A title that starts with the word is about it.
        let leads = in_title_at[g].first == Some(0);
        let in_tags = in_tags_at[g].count > 0;
        let tf = tfs[g].count as f64;
        let body_part = if tf > 0.0 {
            tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len / avg_len.max(1.0)))
        } else {
            0.0
        };
        let part = 3.0 * f64::from(u8::from(in_title))
            + 1.0 * f64::from(u8::from(leads))
            + 1.5 * f64::from(u8::from(in_tags))
            + body_part;
        if part > 0.0 {
            covered += 1;
        }
        if in_title {
            in_title_count += 1;
        }
        total += w * part;
    }
    // Covering more of the question matters more than repeating one word.
    let coverage = if groups.is_empty() {
        0.0
    } else {
        covered as f64 / groups.len() as f64
    };
    // A one- or two-word query asks about a topic: the guide's opening section is the best
    // landing. A longer question is best answered by a FAQ entry.
    let prior = match (r.kind.as_str(), r.url.contains('#'), groups.len()) {
        ("guide", false, 1..=2) => 1.4,
        ("faq", _, 3..) => 1.1,
        _ => 1.0,
    };
    // 职工医保转居民医保 is not 居民医保转职工医保: words in the title in the order asked win.
    let positions: Vec<usize> = in_title_at.iter().filter_map(|g| g.first).collect();
    let order = if positions.len() >= 2 {
        if positions.windows(2).all(|w| w[0] < w[1]) {
            1.1
        } else if positions.windows(2).all(|w| w[0] > w[1]) {
            0.8
        } else {
            1.0
        }
    } else {
        1.0
    };
    // A page whose title is the question beats one that mentions its words in passing.
    let title_coverage = if groups.is_empty() {
        0.0
    } else {
        in_title_count as f64 / groups.len() as f64
    };
    total * (0.5 + coverage) * prior * (1.0 + 0.6 * title_coverage) * order
}

/// Counts, in one pass over a text, how often each query word (any of its synonyms, the most
/// frequent one) occurs: Aho-Corasick over every alternative instead of a scan per word.
struct Matcher {
    ac: Option<aho_corasick::AhoCorasick>,
    /// The group of each pattern.
    group_of: Vec<usize>,
    groups: usize,
}

impl Matcher {
    fn new(groups: &[Vec<String>]) -> Matcher {
        let mut patterns = Vec::new();
        let mut group_of = Vec::new();
        for (g, alts) in groups.iter().enumerate() {
            for a in alts.iter().filter(|a| !a.is_empty()) {
                patterns.push(a.as_str());
                group_of.push(g);
            }
        }
        Matcher {
            ac: aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&patterns)
                .ok(),
            group_of,
            groups: groups.len(),
        }
    }

    /// Per group: the largest count of any one of its alternatives in `text`, and where the
    /// group first occurs.
    fn scan(&self, text: &str) -> Vec<GroupHits> {
        let mut per_pattern = vec![0usize; self.group_of.len()];
        let mut out = vec![GroupHits::default(); self.groups];
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(text) {
                let p = m.pattern().as_usize();
                per_pattern[p] += 1;
                let first = &mut out[self.group_of[p]].first;
                if first.is_none_or(|f| m.start() < f) {
                    *first = Some(m.start());
                }
            }
        }
        for (p, n) in per_pattern.into_iter().enumerate() {
            let g = &mut out[self.group_of[p]];
            g.count = g.count.max(n);
        }
        out
    }
}

/// How one query word (with its synonyms) occurs in a text.
#[derive(Clone, Copy, Default)]
struct GroupHits {
    count: usize,
    /// Byte offset of the first occurrence.
    first: Option<usize>,
}

/// A document as the ranking reads it: shown text and its lower-cased twin.
struct MemDoc {
    kind: String,
    url: String,
    title: String,
    crumb: String,
    body: String,
    tags: String,
    title_lower: String,
    body_lower: String,
    tags_lower: String,
    /// The body's length in characters.
    chars: usize,
}

/// All documents by rowid, and their average body length.
struct Memory {
    docs: std::collections::HashMap<i64, MemDoc>,
    avg_len: f64,
}

/// Entries the document-frequency cache holds at most (words and synonym groups).
const DF_CACHE_MAX: usize = 20_000;

impl FaqIndex {
    /// How many documents an FTS5 MATCH expression finds, cached.
    fn doc_frequency(&self, conn: &Connection, fts: &str) -> Result<i64, SearchError> {
        if let Some(n) = self.df.lock().ok().and_then(|c| c.get(fts).copied()) {
            return Ok(n);
        }
        let n: i64 = conn
            .prepare_cached("SELECT count(*) FROM fts WHERE fts MATCH ?1")?
            .query_row([fts], |r| r.get(0))?;
        if let Ok(mut c) = self.df.lock() {
            if c.len() >= DF_CACHE_MAX {
                c.clear();
            }
            c.insert(fts.to_string(), n);
        }
        Ok(n)
    }

    /// The documents in memory, read from the database on first use.
    fn memory(&self, conn: &Connection) -> Result<&Memory, SearchError> {
        if let Some(m) = self.mem.get() {
            return Ok(m);
        }
        let mut st = conn.prepare("SELECT id, kind, url, title, crumb, body, tags FROM docs")?;
        let rows = st.query_map([], |r| {
            let (title, body, tags): (String, String, String) = (r.get(3)?, r.get(5)?, r.get(6)?);
            Ok((
                r.get::<_, i64>(0)?,
                MemDoc {
                    kind: r.get(1)?,
                    url: r.get(2)?,
                    crumb: r.get(4)?,
                    title_lower: title.to_lowercase(),
                    body_lower: body.to_lowercase(),
                    tags_lower: tags.to_lowercase(),
                    chars: body.chars().count(),
                    title,
                    body,
                    tags,
                },
            ))
        })?;
        let docs: std::collections::HashMap<i64, MemDoc> = rows.collect::<Result<_, _>>()?;
        let avg_len = if docs.is_empty() {
            1.0
        } else {
            docs.values().map(|d| d.chars).sum::<usize>() as f64 / docs.len() as f64
        };
        Ok(self.mem.get_or_init(|| Memory { docs, avg_len }))
    }
}

#[cfg(test)]
mod tests;
