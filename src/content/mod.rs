//! The content library: guides and FAQ entries from `content/`, loaded, validated and rendered
//! once at start-up. No web types here: the web layer only displays what this module built.

pub mod check;
pub mod facts;
pub mod frontmatter;
pub mod markdown;

use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use facts::Facts;
pub use markdown::{Heading, Section};

/// A content mistake, with the file (and line when known) it is in.
#[derive(Debug)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub reason: String,
}

impl ContentError {
    pub fn new(file: &Path, reason: &str) -> Self {
        ContentError {
            file: file.to_path_buf(),
            line: None,
            reason: reason.to_string(),
        }
    }
    pub fn at(file: &Path, line: usize, reason: &str) -> Self {
        ContentError {
            file: file.to_path_buf(),
            line: Some(line),
            reason: reason.to_string(),
        }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file.display(), l, self.reason),
            None => write!(f, "{}: {}", self.file.display(), self.reason),
        }
    }
}

impl std::error::Error for ContentError {}

/// One question people asked (`data/questions.toml`), with the pages that answer it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub query: String,
    /// `faq/<slug>` or `guides/<slug>`.
    pub pages: Vec<String>,
    /// Where it came from (see the file's header): written (1–6) or typed by real users (7–).
    pub batch: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Questions {
    #[serde(default)]
    question: Vec<Question>,
}

/// A document a page rests on (政策依据).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub name: String,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuideFront {
    title: String,
    slug: String,
    summary: String,
    updated: toml::value::Datetime,
    tags: Vec<String>,
    sources: Vec<Source>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    order: i32,
    /// Slugs of retired guides this one replaced: their URLs redirect here.
    #[serde(default)]
    aliases: Vec<String>,
    /// How people type the questions this page answers (for search; never shown).
    #[serde(default)]
    asked: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Guide {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub updated: NaiveDate,
    pub tags: Vec<String>,
    pub sources: Vec<Source>,
    pub related: Vec<String>,
    pub order: i32,
    /// Retired slugs that now redirect here.
    pub aliases: Vec<String>,
    /// How people type the questions this guide answers (search reads them).
    pub asked: Vec<String>,
    pub html: String,
    pub headings: Vec<Heading>,
    pub sections: Vec<Section>,
    links: Vec<String>,
    file: PathBuf,
}

impl Guide {
    /// Long guides get a table of contents of their H2 sections.
    pub fn toc(&self) -> Vec<&Heading> {
        let h2: Vec<&Heading> = self.headings.iter().filter(|h| h.level == 2).collect();
        if h2.len() >= 4 { h2 } else { Vec::new() }
    }
    pub fn path(&self) -> String {
        format!("/guides/{}", self.slug)
    }
    /// The Markdown file it was loaded from.
    pub fn file(&self) -> &Path {
        &self.file
    }
}

/// The fixed FAQ categories, in display order. A name outside this list is a load error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Conditions,
    Process,
    Materials,
    Timing,
    Account,
    Years,
    Gaps,
    Retirees,
    Filing,
    Resident,
    Flexible,
    Family,
    Myths,
    Other,
}

impl Category {
    pub const ALL: [Category; 14] = [
        Category::Conditions,
        Category::Process,
        Category::Materials,
        Category::Timing,
        Category::Account,
        Category::Years,
        Category::Gaps,
        Category::Retirees,
        Category::Filing,
        Category::Resident,
        Category::Flexible,
        Category::Family,
        Category::Myths,
        Category::Other,
    ];
    /// (name in front matter and on the page, URL fragment id).
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Category::Conditions => ("转移条件", "conditions"),
            Category::Process => ("办理流程与渠道", "process"),
            Category::Materials => ("材料", "materials"),
            Category::Timing => ("时限与进度", "timing"),
            Category::Account => ("个人账户", "account"),
            Category::Years => ("缴费年限", "years"),
            Category::Gaps => ("断缴与等待期", "gaps"),
            Category::Retirees => ("退休人员", "retirees"),
            Category::Filing => ("异地就医备案", "filing"),
            Category::Resident => ("居民医保", "resident"),
            Category::Flexible => ("灵活就业", "flexible"),
            Category::Family => ("家庭共济", "family"),
            Category::Myths => ("常见误区", "myths"),
            Category::Other => ("其他", "other"),
        }
    }
    pub fn name(self) -> &'static str {
        self.names().0
    }
    /// The fragment id on `/faq/` (`/faq/#timing`).
    pub fn id(self) -> &'static str {
        self.names().1
    }
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FaqFront {
    question: String,
    slug: String,
    short_answer: String,
    category: String,
    tags: Vec<String>,
    updated: toml::value::Datetime,
    sources: Vec<Source>,
    related_guides: Vec<String>,
    #[serde(default)]
    related_faq: Vec<String>,
    #[serde(default)]
    popular: bool,
    /// Slugs of retired entries merged into this one: their URLs redirect here.
    #[serde(default)]
    aliases: Vec<String>,
    /// How people type this question (for search; never shown).
    #[serde(default)]
    asked: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Faq {
    pub question: String,
    pub slug: String,
    pub short_answer: String,
    /// One of the fixed categories: any other name fails loading.
    pub category: Category,
    pub tags: Vec<String>,
    pub updated: NaiveDate,
    pub sources: Vec<Source>,
    pub related_guides: Vec<String>,
    pub related_faq: Vec<String>,
    pub popular: bool,
    /// Retired slugs that now redirect here.
    pub aliases: Vec<String>,
    /// How people type this question (search reads them).
    pub asked: Vec<String>,
    pub html: String,
    /// The answer as plain text, for the search index.
    pub text: String,
    links: Vec<String>,
    file: PathBuf,
}

impl Faq {
    pub fn path(&self) -> String {
        format!("/faq/{}", self.slug)
    }
    /// The Markdown file it was loaded from.
    pub fn file(&self) -> &Path {
        &self.file
    }
    pub fn category_name(&self) -> &'static str {
        self.category.name()
    }
}

/// One line of the site's 更新记录 (content change log) on /about.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeEntry {
    pub date: toml::value::Datetime,
    pub text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Changelog {
    entry: Vec<ChangeEntry>,
}

/// Everything under `content/`, checked and rendered.
#[derive(Debug, Clone)]
pub struct Library {
    pub facts: Facts,
    /// Sorted by `order`, then title.
    pub guides: Vec<Guide>,
    /// Sorted by category, then file name.
    pub faqs: Vec<Faq>,
    pub changelog: Vec<ChangeEntry>,
    /// Questions people asked, with the pages that answer them (`data/questions.toml`):
    /// search learns from them how people ask. Never shown.
    pub questions: Vec<Question>,
    guide_index: HashMap<String, usize>,
    faq_index: HashMap<String, usize>,
    /// Retired page paths → the paths of the pages that replaced them (front-matter `aliases`).
    redirects: HashMap<String, String>,
}

impl Library {
    pub fn guide(&self, slug: &str) -> Option<&Guide> {
        self.guide_index.get(slug).map(|&i| &self.guides[i])
    }
    pub fn faq(&self, slug: &str) -> Option<&Faq> {
        self.faq_index.get(slug).map(|&i| &self.faqs[i])
    }
    /// Where a retired page's path (`/faq/old-slug`) now lives, if it was merged or renamed.
    pub fn redirect(&self, path: &str) -> Option<&str> {
        self.redirects.get(path).map(String::as_str)
    }
    /// Every retired path with the path that replaced it.
    pub fn redirects(&self) -> impl Iterator<Item = (&str, &str)> {
        self.redirects.iter().map(|(a, b)| (a.as_str(), b.as_str()))
    }
    /// The newest `updated` date of any page: the site's "last checked".
    pub fn last_updated(&self) -> Option<NaiveDate> {
        self.guides
            .iter()
            .map(|g| g.updated)
            .chain(self.faqs.iter().map(|f| f.updated))
            .max()
    }

    /// Loads `dir` (guides/, faq/, data/facts.toml, changelog.toml).
    pub fn load(dir: &Path) -> Result<Library, ContentError> {
        let facts_path = dir.join("data/facts.toml");
        let facts =
            Facts::parse(&read(&facts_path)?).map_err(|e| ContentError::new(&facts_path, &e))?;

        let mut guides = Vec::new();
        for path in md_files(&dir.join("guides"))? {
            guides.push(load_guide(&path, &facts)?);
        }
        guides.sort_by(|a, b| a.order.cmp(&b.order).then(a.title.cmp(&b.title)));

        let mut faqs = Vec::new();
        for path in md_files(&dir.join("faq"))? {
            faqs.push(load_faq(&path, &facts)?);
        }
        faqs.sort_by(|a, b| a.category.cmp(&b.category).then(a.file.cmp(&b.file)));

        let changelog_path = dir.join("changelog.toml");
        let changelog: Changelog = toml::from_str(&read(&changelog_path)?)
            .map_err(|e| ContentError::new(&changelog_path, &e.to_string()))?;

        let guide_index = index(&guides, |g| &g.slug, |g| &g.file)?;
        let faq_index = index(&faqs, |f| &f.slug, |f| &f.file)?;
        let mut redirects = HashMap::new();
        let retired = guides
            .iter()
            .map(|g| ("guides", &g.aliases, &g.slug, &g.file, &guide_index))
            .chain(
                faqs.iter()
                    .map(|f| ("faq", &f.aliases, &f.slug, &f.file, &faq_index)),
            );
        for (kind, aliases, slug, file, live) in retired {
            for alias in aliases {
                if !markdown::is_anchor(alias) {
                    return Err(ContentError::new(
                        file,
                        &format!("aliases 里的 {alias} 不是有效的 slug"),
                    ));
                }
                if live.contains_key(alias) {
                    return Err(ContentError::new(
                        file,
                        &format!(
                            "aliases 里的 {alias} 还是一个现有页面的 slug：合并后要删掉旧文件"
                        ),
                    ));
                }
                let from = format!("/{kind}/{alias}");
                if redirects
                    .insert(from.clone(), format!("/{kind}/{slug}"))
                    .is_some()
                {
                    return Err(ContentError::new(
                        file,
                        &format!("{from} 被两个页面同时列为 aliases"),
                    ));
                }
            }
        }
        let questions_path = dir.join("data/questions.toml");
        let questions = if questions_path.exists() {
            toml::from_str::<Questions>(&read(&questions_path)?)
                .map_err(|e| ContentError::new(&questions_path, &e.to_string()))?
                .question
        } else {
            Vec::new()
        };
        let mut lib = Library {
            facts,
            questions,
            guide_index,
            faq_index,
            redirects,
            guides,
            faqs,
            changelog: changelog.entry,
        };
        lib.changelog
            .sort_by_key(|e| std::cmp::Reverse(e.date.to_string()));
        lib.check_links()?;
        lib.check_questions(&questions_path)?;
        Ok(lib)
    }

    /// Every page a question names must exist: a renamed or merged page takes its questions
    /// with it.
    fn check_questions(&self, path: &Path) -> Result<(), ContentError> {
        for q in &self.questions {
            if q.query.trim().is_empty() || q.pages.is_empty() {
                return Err(ContentError::new(
                    path,
                    &format!("问题“{}”要有文字，也要有回答它的页面", q.query),
                ));
            }
            for page in &q.pages {
                let found = match page.split_once('/') {
                    Some(("faq", slug)) => self.faq(slug).is_some(),
                    Some(("guides", slug)) => self.guide(slug).is_some(),
                    _ => false,
                };
                if !found {
                    let merged = match page.split_once('/') {
                        Some((kind, slug)) => self.merged_into(kind, slug),
                        None => String::new(),
                    };
                    return Err(ContentError::new(
                        path,
                        &format!(
                            "问题“{}”的页面 {page} 不存在（写成 faq/<slug> 或 guides/<slug>）{merged}",
                            q.query
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Every internal link and every related slug must resolve.
    fn check_links(&self) -> Result<(), ContentError> {
        for g in &self.guides {
            for link in &g.links {
                self.check_link(link, Some(g))
                    .map_err(|r| ContentError::new(&g.file, &r))?;
            }
            for r in &g.related {
                if self.guide(r).is_none() {
                    return Err(ContentError::new(
                        &g.file,
                        &format!(
                            "related 里的指南 {r} 不存在{}",
                            self.merged_into("guides", r)
                        ),
                    ));
                }
            }
        }
        for f in &self.faqs {
            for link in &f.links {
                self.check_link(link, None)
                    .map_err(|r| ContentError::new(&f.file, &r))?;
            }
            for r in &f.related_guides {
                if self.guide(r).is_none() {
                    return Err(ContentError::new(
                        &f.file,
                        &format!(
                            "related_guides 里的指南 {r} 不存在{}",
                            self.merged_into("guides", r)
                        ),
                    ));
                }
            }
            for r in &f.related_faq {
                if self.faq(r).is_none() || *r == f.slug {
                    return Err(ContentError::new(
                        &f.file,
                        &format!(
                            "related_faq 里的问题 {r} 不存在{}",
                            self.merged_into("faq", r)
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// "（已合并到 /faq/x）" when `slug` is a retired alias, for error messages.
    fn merged_into(&self, kind: &str, slug: &str) -> String {
        self.redirect(&format!("/{kind}/{slug}"))
            .map(|new| format!("（已合并到 {new}，请改用新的 slug）"))
            .unwrap_or_default()
    }

    fn check_link(&self, link: &str, page: Option<&Guide>) -> Result<(), String> {
        if link.starts_with("https://")
            || link.starts_with("http://")
            || link.starts_with("mailto:")
        {
            return Ok(());
        }
        let broken = || format!("链接 {link} 指向的页面不存在");
        let (path, anchor) = match link.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (link, None),
        };
        let path = path.split('?').next().unwrap_or("");
        if let Some(new) = self.redirect(path) {
            return Err(format!("链接 {link} 指向已合并的页面，请改为 {new}"));
        }
        let target: Option<&Guide> = match path {
            "" => page,
            "/" | "/guides/" | "/faq/" | "/about" | "/plan" | "/search" => {
                return if anchor.is_none() {
                    Ok(())
                } else {
                    Err(broken())
                };
            }
            _ => {
                if let Some(slug) = path.strip_prefix("/guides/") {
                    Some(self.guide(slug).ok_or_else(broken)?)
                } else if let Some(slug) = path.strip_prefix("/faq/") {
                    self.faq(slug).ok_or_else(broken)?;
                    if anchor.is_some() {
                        return Err(broken());
                    }
                    return Ok(());
                } else {
                    return Err(broken());
                }
            }
        };
        match (target, anchor) {
            (_, None) => Ok(()),
            (Some(g), Some(a)) if g.headings.iter().any(|h| h.id == a) => Ok(()),
            _ => Err(format!("链接 {link} 的锚点不存在")),
        }
    }
}

fn read(path: &Path) -> Result<String, ContentError> {
    std::fs::read_to_string(path).map_err(|e| ContentError::new(path, &format!("读不了：{e}")))
}

fn md_files(dir: &Path) -> Result<Vec<PathBuf>, ContentError> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| ContentError::new(dir, &format!("读不了目录：{e}")))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    Ok(files)
}

fn index<T>(
    items: &[T],
    slug: impl Fn(&T) -> &String,
    file: impl Fn(&T) -> &PathBuf,
) -> Result<HashMap<String, usize>, ContentError> {
    let mut map = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        if map.insert(slug(item).clone(), i).is_some() {
            return Err(ContentError::new(
                file(item),
                &format!("slug {} 重复", slug(item)),
            ));
        }
    }
    Ok(map)
}

fn check_slug(path: &Path, slug: &str) -> Result<(), ContentError> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if !markdown::is_anchor(slug) {
        return Err(ContentError::at(
            path,
            2,
            "slug 只能用小写字母、数字和连字符",
        ));
    }
    if stem != slug {
        return Err(ContentError::at(
            path,
            2,
            &format!("slug {slug} 必须和文件名 {stem} 一致"),
        ));
    }
    Ok(())
}

fn non_empty(path: &Path, field: &str, value: &str) -> Result<(), ContentError> {
    if value.trim().is_empty() {
        Err(ContentError::new(path, &format!("{field} 不能为空")))
    } else {
        Ok(())
    }
}

fn render_body(
    path: &Path,
    body: &str,
    body_line: usize,
    facts: &Facts,
) -> Result<markdown::Rendered, ContentError> {
    let body = facts
        .substitute(body)
        .map_err(|e| ContentError::at(path, body_line, &e))?;
    markdown::render(&body).map_err(|e| ContentError::new(path, &e.to_string()))
}

fn check_sources(path: &Path, sources: &[Source]) -> Result<(), ContentError> {
    if sources.is_empty() {
        return Err(ContentError::new(path, "sources（政策依据）至少要有一条"));
    }
    for s in sources {
        non_empty(path, "sources.name", &s.name)?;
        if let Some(u) = &s.url
            && !u.starts_with("https://")
            && !u.starts_with("http://")
        {
            return Err(ContentError::new(
                path,
                &format!("sources.url {u} 不是网址"),
            ));
        }
    }
    Ok(())
}

fn load_guide(path: &Path, facts: &Facts) -> Result<Guide, ContentError> {
    let text = read(path)?;
    let split = frontmatter::split(path, &text)?;
    let front: GuideFront = frontmatter::parse(path, split.front)?;
    check_slug(path, &front.slug)?;
    non_empty(path, "title", &front.title)?;
    non_empty(path, "summary", &front.summary)?;
    check_sources(path, &front.sources)?;
    let updated = frontmatter::date(path, "updated", &front.updated)?;
    let r = render_body(path, split.body, split.body_line, facts)?;
    if r.headings
        .iter()
        .any(|h| h.id.starts_with('s') && h.id[1..].chars().all(|c| c.is_ascii_digit()))
    {
        // Guides need stable anchors: links from search results and other pages point at them.
        return Err(ContentError::new(
            path,
            "指南的每个 ##/### 标题都要写 {#锚点}",
        ));
    }
    Ok(Guide {
        title: front.title,
        slug: front.slug,
        summary: front.summary,
        updated,
        tags: front.tags,
        sources: front.sources,
        related: front.related,
        order: front.order,
        aliases: front.aliases,
        asked: front.asked,
        html: r.html,
        headings: r.headings,
        sections: r.sections,
        links: r.links,
        file: path.to_path_buf(),
    })
}

fn load_faq(path: &Path, facts: &Facts) -> Result<Faq, ContentError> {
    let text = read(path)?;
    let split = frontmatter::split(path, &text)?;
    let front: FaqFront = frontmatter::parse(path, split.front)?;
    check_slug(path, &front.slug)?;
    non_empty(path, "question", &front.question)?;
    non_empty(path, "short_answer", &front.short_answer)?;
    check_sources(path, &front.sources)?;
    let category = Category::from_name(&front.category).ok_or_else(|| {
        ContentError::new(
            path,
            &format!("category {} 不在固定的分类表里", front.category),
        )
    })?;
    let updated = frontmatter::date(path, "updated", &front.updated)?;
    let r = render_body(path, split.body, split.body_line, facts)?;
    // Short answers hold numbers too: one value in facts.toml, everywhere.
    let short_answer = facts
        .substitute(&front.short_answer)
        .map_err(|e| ContentError::at(path, 2, &format!("short_answer：{e}")))?;
    let question = facts
        .substitute(&front.question)
        .map_err(|e| ContentError::at(path, 2, &format!("question：{e}")))?;
    let text = r
        .sections
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Faq {
        question,
        slug: front.slug,
        short_answer,
        category,
        tags: front.tags,
        updated,
        sources: front.sources,
        related_guides: front.related_guides,
        related_faq: front.related_faq,
        popular: front.popular,
        aliases: front.aliases,
        asked: front.asked,
        html: r.html,
        text,
        links: r.links,
        file: path.to_path_buf(),
    })
}

#[cfg(test)]
mod tests;
