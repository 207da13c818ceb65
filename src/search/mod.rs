//! FAQ and guide search: a SQLite FTS5 index of segmented Chinese text (design/site.md).
//! Built at start-up into `data/search.sqlite` (reused while the content is unchanged); a
//! missing, stale or corrupt file is rebuilt, and when the directory cannot be written the
//! index lives in memory. The query is always plain text: never FTS5 or SQL syntax.

pub mod segment;

use crate::content::{Library, Question};
use rusqlite::{Connection, OpenFlags, params};
use segment::{Segmenter, fold, highlight_folded};
pub mod homophone;
mod pages;
pub mod query;
mod traditional;

pub use query::Places;
pub use segment::{Span, bracketed};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Bump when the schema or the way text is cut into words changes: an old file is then
/// rebuilt. (Words added to the dictionary count by themselves, see `fingerprint`.)
const SCHEMA_VERSION: &str = "6";
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
    /// How people type the questions it answers (front-matter `asked`), one per line.
    pub asked: String,
}

/// The documents of a content library: FAQ entries and guide sections.
pub fn docs_of(lib: &Library) -> Vec<Doc> {
    docs_with(lib, &lib.questions)
}

/// The documents of a content library, learning from `questions` (the library's own, or,
/// to measure search on questions it has not learnt, some of them) as well as each page's
/// `asked`: a question counts as a way of asking every page it names.
pub fn docs_with(lib: &Library, questions: &[Question]) -> Vec<Doc> {
    let mut learnt: std::collections::HashMap<&str, Vec<&str>> = Default::default();
    for q in questions {
        for page in &q.pages {
            learnt
                .entry(page.as_str())
                .or_default()
                .push(q.query.as_str());
        }
    }
    // A learnt question is read as a query is (a traditional character as its simplified
    // one): some were typed in traditional characters.
    let asked = |own: &[String], page: String| -> String {
        let mut all: Vec<String> = own.to_vec();
        all.extend(
            learnt
                .get(page.as_str())
                .into_iter()
                .flatten()
                .map(|q| q.chars().map(traditional::simplified).collect::<String>()),
        );
        all.join("\n")
    };
    let mut docs = Vec::new();
    for f in &lib.faqs {
        docs.push(Doc {
            kind: DocKind::Faq,
            url: f.path(),
            title: f.question.clone(),
            crumb: format!("常见问题 › {}", f.category_name()),
            body: format!("{} {}", f.short_answer, f.text),
            tags: format!("{} {}", f.tags.join(" "), f.category_name()),
            asked: asked(&f.asked, format!("faq/{}", f.slug)),
        });
    }
    for g in &lib.guides {
        let guide_asked = asked(&g.asked, format!("guides/{}", g.slug));
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
                // The guide's phrasings are the questions of the page as a whole: every section
                // carries them, so the section that also matches the words best is linked.
                asked: guide_asked.clone(),
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
    /// Its ranking score (higher first), shown by `yibao search` to editors.
    pub score: f64,
}

/// A question as heard: slips of voice input corrected, and the slips (as typed, as meant).
type Heard = (String, Vec<(String, &'static str)>);

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
    /// ranking's length normalisation).
    mem: std::sync::OnceLock<Memory>,
    /// What the index knows of each word queries used (see [`FaqIndex::term`]).
    terms: Mutex<Terms>,
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
    /// Typos corrected before searching: (as typed, as searched).
    pub corrected: Vec<(String, &'static str)>,
    /// It asks about a topic next to the site's that the site does not cover.
    pub uncovered: Option<query::Uncovered>,
}

const SCHEMA: &str = "
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE docs(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, url TEXT NOT NULL,
                      title TEXT NOT NULL, crumb TEXT NOT NULL, body TEXT NOT NULL, tags TEXT NOT NULL,
                      asked TEXT NOT NULL);
    CREATE VIRTUAL TABLE fts USING fts5(title, tags, body, asked, content='',
                      tokenize='unicode61 remove_diacritics 2');
";

fn fingerprint(docs: &[Doc]) -> String {
    fingerprint_with(Segmenter::added_words(), docs)
}

/// The fingerprint of `docs` as cut with a dictionary holding `words` as well as jieba's.
fn fingerprint_with<'a>(words: impl Iterator<Item = &'a str>, docs: &[Doc]) -> String {
    let mut bytes = SCHEMA_VERSION.as_bytes().to_vec();
    // The dictionary cuts the pages into the words the index holds.
    for w in words {
        bytes.extend_from_slice(w.as_bytes());
        bytes.push(0);
    }
    for d in docs {
        for part in [
            d.kind.as_str(),
            &d.url,
            &d.title,
            &d.crumb,
            &d.body,
            &d.tags,
            &d.asked,
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
            tx.prepare("INSERT INTO docs(id, kind, url, title, crumb, body, tags, asked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
        let mut fts = tx.prepare(
            "INSERT INTO fts(rowid, title, tags, body, asked) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, d) in docs.iter().enumerate() {
            let id = i as i64 + 1;
            doc.execute(params![
                id,
                d.kind.as_str(),
                d.url,
                d.title,
                d.crumb,
                d.body,
                d.tags,
                d.asked
            ])?;
            fts.execute(params![
                id,
                seg.index_text(&d.title),
                seg.index_text(&d.tags),
                seg.index_text(&d.body),
                seg.index_text(&d.asked)
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
            terms: Mutex::new(Terms::default()),
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
            terms: Mutex::new(Terms::default()),
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
        conn: &Connection,
        mem: &Memory,
        seg: &Segmenter,
        terms: Vec<Vec<String>>,
    ) -> Result<Vec<Vec<String>>, SearchError> {
        let mut out = Vec::new();
        for group in terms {
            let unknown = group.len() == 1
                && group[0].chars().count() >= 2
                && self.term(conn, mem, &group[0])?.matched.is_empty();
            if unknown {
                out.extend(seg.split_unknown(&group[0]));
            } else {
                out.push(group);
            }
        }
        Ok(out)
    }

    /// Loads what the first search would (the segmenter's dictionary, the documents, the
    /// words people ask most), so that it does not wait. Errors are left for a real search
    /// to report.
    pub fn warm(&self) {
        let started = std::time::Instant::now();
        for q in [
            "医保转移",
            "异地就医备案",
            "灵活就业",
            "居民医保",
            "个人账户",
        ] {
            if self.find(q, 1).is_err() {
                return;
            }
        }
        tracing::info!("search warmed in {} ms", started.elapsed().as_millis());
    }

    /// Searches FAQ entries and guide sections. `query` is plain text: any string is safe.
    ///
    /// FTS5 finds the candidates (any word of the query, or a synonym); they are then ranked
    /// by concept: each word of the query with its synonyms counts once, weighted by how rare
    /// it is, more in a title than in tags, more in tags than in the body.
    /// The question with slips of voice or pinyin input corrected ([`homophone`]), and the
    /// slips. Slips start and end where jieba cuts words; a run the dictionary or the pages
    /// hold, or that holds a place name, is a word as typed.
    fn hear(&self, q: &str, seg: &Segmenter) -> Result<Heard, SearchError> {
        static SOUNDS: std::sync::LazyLock<homophone::Homophones> =
            std::sync::LazyLock::new(|| homophone::Homophones::new(Segmenter::sounds_like_words()));
        let lower = q.to_lowercase();
        let mut cuts = vec![false; lower.chars().count() + 1];
        let mut at = 0;
        cuts[0] = true;
        for piece in seg.pieces(&lower) {
            at += piece.chars().count();
            if let Some(c) = cuts.get_mut(at) {
                *c = true;
            }
        }
        // Whether the pages hold a run: the term cache knows (or finds out, once). The pages'
        // own text, not the ways people ask them: those keep the askers' slips (备安, 以地).
        self.with_conn(|conn| {
            let mem = self.memory(conn)?;
            Ok(SOUNDS.correct(
                &lower,
                |i| cuts.get(i).copied().unwrap_or(false),
                |run| {
                    seg.has_word(run)
                        || self.places.holds_name(run)
                        || self
                            .term(conn, mem, run)
                            .map_or(true, |t| t.postings.iter().any(Posting::in_text))
                },
            ))
        })
    }

    /// How a question is read before matching: the site's words it became, what kind of
    /// answer it asks for, and its terms with their synonyms (for `yibao search`).
    pub fn explain(&self, query: &str) -> (query::Understood, Vec<Vec<String>>) {
        let seg = Segmenter::get();
        let q = typed(query);
        let (heard, slips) = self
            .hear(&q, seg)
            .unwrap_or_else(|_| (q.clone(), Vec::new()));
        let mut understood = query::understand(&heard, &self.places);
        understood.corrected.splice(0..0, slips);
        let terms = seg.query_terms(&understood.text);
        (understood, terms)
    }

    /// The pages a question reads most like to the page model ([`pages::PageModel`]), with
    /// their share (for `yibao search`).
    pub fn reads_like(&self, query: &str, n: usize) -> Result<Vec<(String, f64)>, SearchError> {
        let (understood, _) = self.explain(query);
        self.with_conn(|conn| Ok(self.memory(conn)?.pages.top(&understood.text, n)))
    }

    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        Ok(self.find(query, limit)?.hits)
    }

    /// [`search`](Self::search), also saying whether the results are approximate.
    pub fn find(&self, query: &str, limit: usize) -> Result<Found, SearchError> {
        let q = typed(query);
        let q = q.as_str();
        if q.is_empty() {
            return Ok(Found::default());
        }
        let typed_text = q.to_lowercase();
        let seg = Segmenter::get();
        let (heard, slips) = self.hear(q, seg)?;
        let mut understood = query::understand(&heard, &self.places);
        understood.corrected.splice(0..0, slips);
        let q = understood.text.as_str();
        let asked = seg.query_terms(q);
        let n = self.doc_count.max(1) as f64;
        let matched = self.with_conn(|conn| {
            let mem = self.memory(conn)?;
            let terms = self.known_terms(conn, mem, seg, asked.clone())?;
            // A word the index does not know was cut into characters: the match is looser.
            let mut approximate = terms.len() > asked.len() || understood.only_places;
            let mut groups: Vec<Vec<(String, Arc<Term>)>> = Vec::new();
            for group in &terms {
                let mut alts = Vec::new();
                for a in group.iter().map(|a| fold(a)).filter(|a| !a.is_empty()) {
                    let t = self.term(conn, mem, &a)?;
                    alts.push((a, t));
                }
                groups.push(alts);
            }
            // Candidates: every document FTS5 matches for any word (or synonym). A word's
            // rarity: how many documents match it or one of its synonyms.
            let mut candidate = vec![false; mem.docs.len()];
            let mut seen = vec![usize::MAX; mem.docs.len()];
            let mut idf = Vec::new();
            for (g, alts) in groups.iter().enumerate() {
                let mut df = 0usize;
                for (_, t) in alts {
                    for &d in &t.matched {
                        let d = d as usize;
                        candidate[d] = true;
                        if seen[d] != g {
                            seen[d] = g;
                            df += 1;
                        }
                    }
                }
                let df = df as f64;
                idf.push((1.0 + (n - df + 0.5) / (df + 0.5)).ln());
            }
            let mut ids: Vec<usize> = (0..mem.docs.len()).filter(|&d| candidate[d]).collect();
            let mut needles: Vec<String> =
                groups.iter().flatten().map(|(a, _)| a.clone()).collect();
            if needles.is_empty() {
                needles.push(fold(q));
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
                    let found = st.query_map([needle], |r| r.get::<_, i64>(0))?;
                    for id in found {
                        if let Some(i) = usize::try_from(id?).ok().and_then(|i| i.checked_sub(1)) {
                            ids.push(i);
                        }
                    }
                    if !ids.is_empty() {
                        break;
                    }
                }
            }
            let table = HitsTable::new(mem.docs.len(), &groups);
            Ok(Matched {
                mem,
                ids,
                idf,
                table,
                needles,
                approximate,
            })
        })?;
        let (mem, ids, idf, table) = (matched.mem, matched.ids, matched.idf, matched.table);
        let (needles, approximate) = (matched.needles, matched.approximate);
        let like = mem.likeness(&char_pairs(q));
        let fits = Fits::of(&understood, &asked);
        let mut scored: Vec<(f64, usize, &MemDoc)> = ids
            .iter()
            .filter_map(|&i| Some((i, mem.docs.get(i)?)))
            .enumerate()
            .map(|(rank, (i, r))| {
                let s = score(r, table.of(i), &idf, mem.avg_len)
                    * fits.factor(r)
                    * (1.0 + PHRASE_WEIGHT * like[i]);
                (s, rank, r)
            })
            .collect();
        // How much the question (as understood: 社保 read as 医保…) reads like each page's
        // askers weighs the word match (a share of the best score): up to ×5 for the page it
        // reads most like (1 + PAGE_MODEL_WEIGHT).
        let post = mem.pages.posterior_with(q, &asked);
        let top = scored.iter().map(|s| s.0).fold(0.0f64, f64::max);
        if top > 0.0 {
            for (s, _, r) in &mut scored {
                // The model reads characters, not their order: 居民医保转职工医保 reads like a
                // page about the other way. The way the question goes decides there.
                let p = if fits.opposes(r) {
                    0.0
                } else {
                    post.get(r.page as usize).copied().unwrap_or(0.0)
                };
                *s = *s / top * (1.0 + PAGE_MODEL_WEIGHT * p);
            }
        }
        // Best score first; the index's order breaks ties.
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let finders: Vec<memchr::memmem::Finder> = needles
            .iter()
            .map(|n| memchr::memmem::Finder::new(n.as_bytes()))
            .collect();
        // One result per page: the best section of a guide stands for it.
        let mut pages: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let mut best: Vec<(f64, &MemDoc)> = scored
            .into_iter()
            .filter(|(_, _, d)| pages.insert(d.url.split('#').next().unwrap_or("")))
            .map(|(s, _, d)| (s, d))
            .collect();
        mix_kinds(&mut best, |d| d.kind.as_str());
        let hits = best
            .into_iter()
            .take(limit)
            .map(|(score, d)| Hit {
                score,
                kind: if d.kind == "faq" {
                    DocKind::Faq
                } else {
                    DocKind::Guide
                },
                title: highlight_folded(&d.title, &d.title_lower, &finders, None),
                snippet: highlight_folded(&d.body, &d.body_lower, &finders, Some(90)),
                url: d.url.clone(),
                crumb: d.crumb.clone(),
            })
            .collect();
        Ok(Found {
            hits,
            approximate,
            corrected: understood.corrected,
            uncovered: query::uncovered(&typed_text),
        })
    }

    /// One alternative of a query word (folded): the documents FTS5 matches for it, and
    /// where its text occurs in each document. Found once, then kept: the words people type
    /// repeat from query to query, so a new query mostly costs no SQL and no text scan.
    /// Bounded: cleared when it passes `TERM_CACHE_BYTES`.
    fn term(&self, conn: &Connection, mem: &Memory, alt: &str) -> Result<Arc<Term>, SearchError> {
        if let Some(t) = self.terms.lock().ok().and_then(|c| c.map.get(alt).cloned()) {
            return Ok(t);
        }
        let mut matched = Vec::new();
        if let Some(phrase) = Segmenter::get().phrase(alt) {
            let mut st = conn.prepare_cached("SELECT rowid FROM fts WHERE fts MATCH ?1")?;
            for id in st.query_map([phrase], |r| r.get::<_, i64>(0))? {
                if let Some(i) = u32::try_from(id?).ok().and_then(|i| i.checked_sub(1)) {
                    matched.push(i);
                }
            }
            matched.sort_unstable();
        }
        let finder = memchr::memmem::Finder::new(alt.as_bytes());
        // A guide's sections share its ways of asking: each page's are read once.
        let asked: Vec<bool> = mem
            .page_asked
            .iter()
            .map(|a| finder.find(a.as_bytes()).is_some())
            .collect();
        let postings: Vec<Posting> = mem
            .docs
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                let title_first = finder
                    .find(d.title_lower.as_bytes())
                    .map_or(NOWHERE, |b| b as u32);
                let in_tags = finder.find(d.tags_lower.as_bytes()).is_some();
                let in_asked = asked[d.page as usize];
                let body = finder.find_iter(d.body_lower.as_bytes()).count() as u32;
                (title_first != NOWHERE || in_tags || in_asked || body > 0).then_some(Posting {
                    doc: i as u32,
                    title_first,
                    in_tags,
                    in_asked,
                    body,
                })
            })
            .collect();
        let t = Arc::new(Term { matched, postings });
        if let Ok(mut c) = self.terms.lock() {
            // Bytes, the key's included: a flood of made-up words is bounded too.
            let size = alt.len()
                + 96
                + t.matched.len() * std::mem::size_of::<u32>()
                + t.postings.len() * std::mem::size_of::<Posting>();
            let budget = c
                .budget
                .unwrap_or(TERM_CACHE_BYTES.max(4096 * mem.docs.len()));
            if c.size + size > budget {
                c.map.clear();
                c.size = 0;
            }
            c.size += size;
            c.map.insert(alt.to_string(), t.clone());
        }
        Ok(t)
    }
}

/// What the index gave a query, for the ranking.
struct Matched<'a> {
    mem: &'a Memory,
    /// Candidate documents, in the index's order.
    ids: Vec<usize>,
    idf: Vec<f64>,
    table: HitsTable,
    /// The words to mark in results (folded).
    needles: Vec<String>,
    approximate: bool,
}

/// The question as searched: control characters out, traditional characters in their
/// simplified form, at most `MAX_QUERY_CHARS`, trimmed.
fn typed(query: &str) -> String {
    let q: String = query
        .chars()
        .filter(|c| !c.is_control())
        .map(traditional::simplified)
        .take(MAX_QUERY_CHARS)
        .collect();
    q.trim().to_string()
}

/// Bytes the term cache holds at most (a larger index than the site's may keep 4 KB per
/// document): when full it is emptied and fills again with the words asked next.
const TERM_CACHE_BYTES: usize = 8 * 1024 * 1024;

/// The term cache: one entry per alternative a query used.
#[derive(Default)]
struct Terms {
    map: std::collections::HashMap<String, Arc<Term>>,
    /// Bytes held (estimated: keys, entries, documents and postings).
    size: usize,
    /// Another budget than `TERM_CACHE_BYTES` (tests).
    budget: Option<usize>,
}

/// One alternative of a query word, as the index knows it.
struct Term {
    /// The documents (rowid − 1) FTS5 matches for its words as a phrase, in order.
    matched: Vec<u32>,
    /// The documents whose text holds it.
    postings: Vec<Posting>,
}
/// The first three results are what people read: when they are all of one kind, the best of
/// the other kind close behind takes the third place. Most questions are answered by a FAQ
/// entry and by the guide that explains the whole case (an entry's short answer alone is often
/// not enough, and a guide alone is long). "Close behind": at least `MIX` of the third
/// result's score.
fn mix_kinds<T>(ranked: &mut Vec<(f64, T)>, kind_of: impl Fn(&T) -> &str) {
    if ranked.len() <= 3 {
        return;
    }
    for kind in ["guide", "faq"] {
        if ranked[..3].iter().any(|(_, d)| kind_of(d) == kind) {
            continue;
        }
        let third = ranked[2].0;
        if let Some(at) = ranked
            .iter()
            .skip(3)
            .position(|(s, d)| kind_of(d) == kind && *s >= MIX * third)
        {
            let other = ranked.remove(at + 3);
            ranked.insert(2, other);
        }
        return;
    }
}

const MIX: f64 = 0.7;

/// How much a page about the asked way between the schemes gains (the other way loses).
const DIRECTION_FIT: f64 = 1.25;

/// How much a general question about moving ([`query::is_general`]) weighs the overview.
const GENERAL_FIT: f64 = 3.0;

/// What a page about a topic ([`query::TOPICS`]) counts for a question that names none of it.
const UNASKED_TOPIC: f64 = 0.7;

/// What a FAQ entry about one scope counts for a question that names none.
const UNASKED_SCOPE: f64 = 0.8;

/// What a FAQ entry about a move counts for a question that names none.
const MOVE_MISFIT: f64 = 0.7;

/// How much a document's likeness to the question in character pairs (its title and ways of
/// asking, [`Phrases`], 0–1) weighs its word match: × (1 + this × likeness). Raised from 1.5
/// once the pages learnt the tune questions (cross-fitted tune, first of 752: 1.5 → 702,
/// 3 → 704, 5 → 704, 8 → 703).
const PHRASE_WEIGHT: f64 = 3.0;

/// How much the page model's posterior ([`pages::PageModel`], 0–1) weighs a score: it is
/// multiplied by 1 + this × posterior. Raised from 1.5 once the model learnt the tune
/// questions (cross-fitted tune, first of 752: 1.5 → 697, 2.5 → 699, 4 → 701, 7 → 697).
const PAGE_MODEL_WEIGHT: f64 = 4.0;

/// "Not in the title."
const NOWHERE: u32 = u32::MAX;

/// One document holding one pattern.
#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    /// Byte offset of its first occurrence in the title, or `NOWHERE`.
    title_first: u32,
    in_tags: bool,
    /// Whether one of the ways people ask the page's question holds it.
    in_asked: bool,
    /// How often the body holds it.
    body: u32,
}

impl Posting {
    /// Whether the page's own text (title, tags, body) holds it, not only a way of asking.
    fn in_text(&self) -> bool {
        self.title_first != NOWHERE || self.in_tags || self.body > 0
    }
}

/// How one query word (with its synonyms) occurs in one document.
#[derive(Debug, Clone, Copy)]
struct Cell {
    title_first: u32,
    tags: bool,
    asked: bool,
    /// The largest count of any one of its alternatives in the body.
    body: u32,
}

impl Default for Cell {
    fn default() -> Self {
        Cell {
            title_first: NOWHERE,
            tags: false,
            asked: false,
            body: 0,
        }
    }
}

/// Cells by document, then by query word.
struct HitsTable {
    cells: Vec<Cell>,
    width: usize,
}

impl HitsTable {
    /// From the postings of each word's alternatives: no document text is read.
    fn new(docs: usize, groups: &[Vec<(String, Arc<Term>)>]) -> HitsTable {
        let width = groups.len();
        let mut cells = vec![Cell::default(); docs * width];
        for (g, alts) in groups.iter().enumerate() {
            for (_, t) in alts {
                for p in &t.postings {
                    let c = &mut cells[p.doc as usize * width + g];
                    c.title_first = c.title_first.min(p.title_first);
                    c.tags |= p.in_tags;
                    c.asked |= p.in_asked;
                    c.body = c.body.max(p.body);
                }
            }
        }
        HitsTable { cells, width }
    }

    fn of(&self, doc: usize) -> &[Cell] {
        &self.cells[doc * self.width..(doc + 1) * self.width]
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
/// FAQ whose question is the one asked beats a page that only mentions its words. The search
/// counts it for all phrases at once ([`Phrases::likeness`]); this is the definition.
#[cfg(test)]
fn likeness(query_pairs: &[(char, char)], t: &[(char, char)]) -> f64 {
    if query_pairs.is_empty() {
        return 0.0;
    }
    let shared = t
        .iter()
        .filter(|p| query_pairs.binary_search(p).is_ok())
        .count();
    2.0 * shared as f64 / (t.len() + query_pairs.len()).max(1) as f64
}

/// How well a page fits the kind of answer asked for (how, how long…) and the places named
/// (two provinces: a 跨省 page), as a factor on its score. What each page's title and tags
/// say is worked out once, when the documents are read ([`Signs`]).
struct Fits {
    /// Intents asked, as bits ([`Signs::intents`]).
    intents: u8,
    meaning: bool,
    scope: Option<query::Scope>,
    /// It names a scope, by places or in words (省内, 跨省…).
    scope_named: bool,
    direction: Option<query::Direction>,
    /// It asks about moving in general ([`query::is_general`]).
    general: bool,
    /// Bit `i` set: it names [`query::TOPICS`]`[i]` (a relative, retirement…).
    names: u8,
    /// It names a move of the cover or of the person ([`query::names_move`]).
    moves: bool,
}

impl Fits {
    fn of(u: &query::Understood, terms: &[Vec<String>]) -> Fits {
        Fits {
            intents: u.intents.iter().fold(0, |m, i| m | Signs::bit(*i)),
            meaning: u.intents.contains(&query::Intent::Meaning),
            scope: u.scope,
            scope_named: u.scope.is_some()
                || [query::Scope::CrossProvince, query::Scope::WithinProvince]
                    .iter()
                    .any(|s| s.words().iter().any(|w| u.text.contains(w))),
            direction: u.direction,
            general: query::is_general(terms),
            moves: query::names_move(&u.text),
            names: query::named_topics(&u.text),
        }
    }

    /// Whether the page is about the other way between the schemes than the question.
    fn opposes(&self, r: &MemDoc) -> bool {
        matches!((self.direction, r.signs.direction), (Some(a), Some(b)) if a == b.other())
    }

    fn factor(&self, r: &MemDoc) -> f64 {
        let mut f = 1.25f64.powi((self.intents & r.signs.intents).count_ones() as i32);
        // "X 是什么意思": the glossary is the answer.
        if self.meaning && r.signs.glossary {
            f *= 2.5;
        }
        // "外地医保怎么转移": nothing points to one case; the overview answers it.
        if self.general && r.signs.overview {
            f *= GENERAL_FIT;
        }
        match self.scope {
            Some(s) if r.signs.scope_title.contains(&s) => f *= 1.3,
            Some(s) if r.signs.scope_tags.contains(&s) => f *= 1.15,
            _ => {}
        }
        // No scope asked ("中卫医保怎么转移到其他城市"): a FAQ entry whose question is about
        // one (省内, 跨省) answers a case the question did not name. Guides are left alone: the
        // cross-province one is where most moves are explained.
        if !self.scope_named && !r.signs.scope_title.is_empty() && r.kind == "faq" {
            f *= UNASKED_SCOPE;
        }
        // Two provinces named: a page whose title is about moving within one answers less
        // (and the other way round).
        if let Some(s) = self.scope
            && r.signs.scope_title.contains(&s.other())
        {
            f *= 0.8;
        }
        // "医保卡断交后还能用吗" names nobody: a page about sharing one's cover with family (or
        // about retirees, the unemployed…) answers a case the question did not name.
        if r.signs.presumes & !self.names != 0 {
            f *= UNASKED_TOPIC;
        }
        // "医保账户如何绑定家人" names no move: the FAQ about sharing after a transfer answers
        // less than the ones about sharing itself.
        if !self.moves && r.signs.about_move {
            f *= MOVE_MISFIT;
        }
        // 新农合 → 职工医保 is not 职工医保 → 居民医保.
        match (self.direction, r.signs.direction) {
            (Some(a), Some(b)) if a == b => f *= DIRECTION_FIT,
            (Some(a), Some(b)) if a == b.other() => f /= DIRECTION_FIT,
            _ => {}
        }
        f
    }
}

/// What a page's title and tags say about the kind of answer it is.
#[derive(Debug, Default)]
struct Signs {
    /// Bit `i` set: the title holds a word answering `ALL_INTENTS[i]`.
    intents: u8,
    glossary: bool,
    /// The guide that explains moving one's cover as a whole.
    overview: bool,
    /// Bit `i` set: the page is about [`query::TOPICS`]`[i]` (a FAQ entry tagged so, or that
    /// topic's own guide: the personal-account guide only has a section on family sharing).
    presumes: u8,
    /// A FAQ entry whose question is about a move (转移后…, 转走以后…; a referral, 转诊, is
    /// no move).
    about_move: bool,
    scope_title: Vec<query::Scope>,
    scope_tags: Vec<query::Scope>,
    /// The way between the schemes it is about, as its address names it
    /// (`/guides/employee-to-resident`).
    direction: Option<query::Direction>,
}

impl Signs {
    fn bit(i: query::Intent) -> u8 {
        1 << query::ALL_INTENTS.iter().position(|x| *x == i).unwrap_or(7)
    }

    fn of(title: &str, tags: &str, url: &str) -> Signs {
        let scopes = [query::Scope::CrossProvince, query::Scope::WithinProvince];
        Signs {
            intents: query::ALL_INTENTS
                .iter()
                .filter(|i| i.title_words().iter().any(|w| title.contains(w)))
                .fold(0, |m, i| m | Signs::bit(*i)),
            glossary: url.starts_with("/guides/glossary"),
            overview: url.starts_with("/guides/overview"),
            presumes: query::TOPICS
                .iter()
                .enumerate()
                .filter(|(_, t)| {
                    if url.starts_with("/faq/") {
                        t.tags.iter().any(|w| tags.contains(w))
                            || t.titles.iter().any(|w| title.contains(w))
                    } else {
                        t.guides.iter().any(|g| url.starts_with(g))
                    }
                })
                .fold(0, |m, (i, _)| m | 1 << i),
            about_move: url.starts_with("/faq/") && title.contains('转') && !title.contains("转诊"),
            direction: if url.contains("employee-to-resident") {
                Some(query::Direction::ToResident)
            } else if url.contains("-to-employee") {
                Some(query::Direction::ToEmployee)
            } else {
                None
            },
            scope_title: scopes
                .into_iter()
                .filter(|s| s.words().iter().any(|w| title.contains(w)))
                .collect(),
            scope_tags: scopes
                .into_iter()
                .filter(|s| s.words().iter().any(|w| tags.contains(w)))
                .collect(),
        }
    }
}

/// What a query word found in one of the ways people ask a page's question counts (a title
/// counts 3, tags 1.5). Lowered from 2 when the page learnt the relevance set's tune
/// questions: with hundreds of askers' words on the pages, a word found in one of them says
/// less (cross-fitted tune 697 → 702 first of 752; 0.5 gave 697, 3 gave 699).
const ASKED_WEIGHT: f64 = 1.0;

/// The concept score of one document: for each query word (with its synonyms) found, its
/// rarity times where it was found. Documents that cover more of the query win.
fn score(r: &MemDoc, cells: &[Cell], idf: &[f64], avg_len: f64) -> f64 {
    let len = r.chars as f64;
    let mut total = 0.0;
    let mut covered = 0usize;
    let mut in_title_count = 0usize;
    for (g, c) in cells.iter().enumerate() {
        let w = idf.get(g).copied().unwrap_or(1.0);
        let in_title = c.title_first != NOWHERE;
        // A title that starts with the word is about it.
        let leads = c.title_first == 0;
        let tf = f64::from(c.body);
        let body_part = if tf > 0.0 {
            tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len / avg_len.max(1.0)))
        } else {
            0.0
        };
        let part = 3.0 * f64::from(u8::from(in_title))
            + 1.0 * f64::from(u8::from(leads))
            + 1.5 * f64::from(u8::from(c.tags))
            + ASKED_WEIGHT * f64::from(u8::from(c.asked))
            + body_part;
        if part > 0.0 {
            covered += 1;
        }
        if in_title {
            in_title_count += 1;
        }
        total += w * part;
    }
    let groups = cells.len();
    // Covering more of the question matters more than repeating one word.
    let coverage = if groups == 0 {
        0.0
    } else {
        covered as f64 / groups as f64
    };
    // A one- or two-word query asks about a topic: the guide's opening section is the best
    // landing. A longer question is best answered by a FAQ entry.
    let prior = match (r.kind.as_str(), r.url.contains('#'), groups) {
        ("guide", false, 1..=2) => 1.4,
        ("faq", _, 3..) => 1.1,
        _ => 1.0,
    };
    // 职工医保转居民医保 is not 居民医保转职工医保: words in the title in the order asked win.
    let positions: Vec<u32> = cells
        .iter()
        .map(|c| c.title_first)
        .filter(|&f| f != NOWHERE)
        .collect();
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
    let title_coverage = if groups == 0 {
        0.0
    } else {
        in_title_count as f64 / groups as f64
    };
    total * (0.5 + coverage) * prior * (1.0 + 0.6 * title_coverage) * order
}

/// A document as the ranking reads it: shown text and its lower-cased twin (same byte
/// offsets, see [`fold`]).
struct MemDoc {
    kind: String,
    url: String,
    title: String,
    crumb: String,
    body: String,
    title_lower: String,
    body_lower: String,
    tags_lower: String,
    signs: Signs,
    /// The body's length in characters.
    chars: usize,
    /// Its page in the [`pages::PageModel`] (a guide's sections share one).
    page: u32,
}

/// Phrases (documents' titles, or pages' ways of asking) as character pairs, with the
/// phrases each pair occurs in: how much a question reads like each owner (its closest
/// phrase, [`likeness`]) is then counted from the question's few pairs, not by comparing it
/// with thousands of phrases.
#[derive(Default)]
struct Phrases {
    of_pair: std::collections::HashMap<(char, char), Vec<u32>>,
    /// Per phrase: whose it is (a document or a page) and how many distinct pairs it has.
    owner: Vec<u32>,
    pairs: Vec<u32>,
}

impl Phrases {
    fn add(&mut self, owner: usize, pairs: &[(char, char)]) {
        if pairs.is_empty() {
            return;
        }
        let id = self.owner.len() as u32;
        self.owner.push(owner as u32);
        self.pairs.push(pairs.len() as u32);
        for p in pairs {
            self.of_pair.entry(*p).or_default().push(id);
        }
    }

    /// Per owner (`owners` of them), how much `query_pairs` (distinct) read like its closest
    /// phrase.
    fn likeness(&self, query_pairs: &[(char, char)], owners: usize) -> Vec<f64> {
        let mut best = vec![0.0f64; owners];
        if query_pairs.is_empty() {
            return best;
        }
        let mut shared = vec![0u32; self.owner.len()];
        for p in query_pairs {
            for &id in self.of_pair.get(p).map_or(&[][..], Vec::as_slice) {
                shared[id as usize] += 1;
            }
        }
        for (id, &n) in shared.iter().enumerate().filter(|(_, n)| **n > 0) {
            let d = self.owner[id] as usize;
            let l = 2.0 * f64::from(n) / (self.pairs[id] as usize + query_pairs.len()) as f64;
            if l > best[d] {
                best[d] = l;
            }
        }
        best
    }
}

/// All documents (index `rowid - 1`), their average body length, and their phrases.
struct Memory {
    docs: Vec<MemDoc>,
    avg_len: f64,
    /// Each document's title.
    titles: Phrases,
    /// Each page's ways of asking (understood), kept once per page: a guide's sections all
    /// carry their guide's.
    asked: Phrases,
    /// Per page ([`MemDoc::page`]): its ways of asking, folded, one per line.
    page_asked: Vec<String>,
    pages: pages::PageModel,
}

impl Memory {
    /// Per document, how much the question reads like its title or like one of the ways
    /// its page is asked, whichever is closer.
    fn likeness(&self, query_pairs: &[(char, char)]) -> Vec<f64> {
        let asked = self.asked.likeness(query_pairs, self.pages.len());
        let mut like = self.titles.likeness(query_pairs, self.docs.len());
        for (l, d) in like.iter_mut().zip(&self.docs) {
            *l = l.max(asked[d.page as usize]);
        }
        like
    }
}

impl FaqIndex {
    /// The documents in memory, read from the database on first use.
    fn memory(&self, conn: &Connection) -> Result<&Memory, SearchError> {
        if let Some(m) = self.mem.get() {
            return Ok(m);
        }
        let mut st =
            conn.prepare("SELECT id, kind, url, title, crumb, body, tags, asked FROM docs")?;
        let rows = st.query_map([], |r| {
            let (url, title, body, tags): (String, String, String, String) =
                (r.get(2)?, r.get(3)?, r.get(5)?, r.get(6)?);
            let asked: String = r.get(7)?;
            let title_pairs = char_pairs(&title);
            Ok((
                r.get::<_, i64>(0)?,
                MemDoc {
                    kind: r.get(1)?,
                    crumb: r.get(4)?,
                    title_lower: fold(&title),
                    body_lower: fold(&body),
                    tags_lower: fold(&tags),
                    signs: Signs::of(&title, &tags, &url),
                    url,
                    chars: body.chars().count(),
                    page: 0,
                    title,
                    body,
                },
                title_pairs,
                (tags, asked),
            ))
        })?;
        let mut rows = rows.collect::<Result<Vec<_>, _>>()?;
        rows.sort_by_key(|(id, ..)| *id);
        // Rowids are 1, 2, 3…: a document's place in the vector is its rowid less one.
        let mut titles = Phrases::default();
        let mut asked_phrases = Phrases::default();
        let mut page_asked = Vec::new();
        let mut pages = pages::PageModel::default();
        let mut docs: Vec<MemDoc> = Vec::with_capacity(rows.len());
        for (id, mut d, title, (tags, asked)) in rows {
            if id != docs.len() as i64 + 1 {
                continue;
            }
            // A page's question is learnt once: its title (a guide's, not a section's), its
            // tags and the ways people ask it, which every section of a guide carries. Each
            // phrasing is understood (place names out, the site's words in), so that it
            // compares with a query understood the same way.
            let known = pages.len();
            d.page = pages.page(&d.url);
            if pages.len() > known {
                pages.learn(d.page, &tags);
                for a in asked.lines() {
                    let a = query::understand(a, &self.places).text;
                    pages.learn(d.page, &a);
                    asked_phrases.add(d.page as usize, &char_pairs(&a));
                }
                page_asked.push(fold(&asked));
            }
            if !d.url.contains('#') {
                pages.learn(d.page, &d.title);
            }
            titles.add(docs.len(), &title);
            docs.push(d);
        }
        let avg_len = if docs.is_empty() {
            1.0
        } else {
            docs.iter().map(|d| d.chars).sum::<usize>() as f64 / docs.len() as f64
        };
        Ok(self.mem.get_or_init(|| Memory {
            docs,
            avg_len,
            titles,
            asked: asked_phrases,
            page_asked,
            pages,
        }))
    }
}

#[cfg(test)]
mod tests;
