//! Markdown → HTML with heading anchors, a table of contents, per-section plain text (for
//! the search index) and the list of links (for the link checker).

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// A heading of a rendered document (H2 or H3).
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A stretch of a document under one heading: what the search index stores per row.
/// The text before the first heading is a section with an empty `anchor`.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub anchor: String,
    /// Headings from the H2 down to this one (empty for the intro).
    pub trail: Vec<String>,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub sections: Vec<Section>,
    pub links: Vec<String>,
}

/// Why a document could not be rendered. The caller adds the file name.
#[derive(Debug, PartialEq)]
pub enum MarkdownError {
    RawHtml(String),
    TopLevelHeading(String),
    BadAnchor(String),
    DuplicateAnchor(String),
    /// `**` left as text: CommonMark does not close emphasis after Chinese punctuation
    /// followed by a letter (`**注意：**后面`); move the punctuation outside the stars.
    StrayEmphasis(String),
}

impl std::fmt::Display for MarkdownError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MarkdownError::RawHtml(h) => write!(f, "正文里不能写 HTML：{h}"),
            MarkdownError::TopLevelHeading(t) => {
                write!(f, "正文里不能有一级标题（# {t}）：标题写在 title 里")
            }
            MarkdownError::BadAnchor(a) => {
                write!(f, "锚点 {{#{a}}} 只能用小写字母、数字和连字符")
            }
            MarkdownError::DuplicateAnchor(a) => write!(f, "锚点 #{a} 重复"),
            MarkdownError::StrayEmphasis(t) => write!(
                f,
                "加粗没有生效（多半是标点在 ** 里面、后面紧跟文字，把标点移到 ** 外面）：{t}"
            ),
        }
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_STRIKETHROUGH
}

pub fn is_anchor(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Renders `source`. `auto_anchors` gives headings without `{#id}` an id `s1`, `s2`, …
pub fn render(source: &str) -> Result<Rendered, MarkdownError> {
    let mut events: Vec<Event> = Vec::new();
    let mut headings: Vec<Heading> = Vec::new();
    let mut sections = vec![Section {
        anchor: String::new(),
        trail: Vec::new(),
        text: String::new(),
    }];
    let mut links = Vec::new();
    let mut in_heading: Option<(HeadingLevel, Option<CowStr>, usize)> = None;
    let mut heading_text = String::new();
    let mut trail: Vec<(u8, String)> = Vec::new();

    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                return Err(MarkdownError::RawHtml(h.trim().chars().take(40).collect()));
            }
            Event::Start(Tag::Heading { level, id, .. }) => {
                heading_text.clear();
                in_heading = Some((level, id, events.len()));
                // Placeholder: replaced once the heading's text and id are known.
                events.push(Event::Text(CowStr::Borrowed("")));
            }
            Event::End(TagEnd::Heading(level)) => {
                let (lvl, id, at) = in_heading.take().expect("heading end without start");
                let text = heading_text.trim().to_string();
                if lvl == HeadingLevel::H1 {
                    return Err(MarkdownError::TopLevelHeading(text));
                }
                let n = heading_level(level);
                let id = match id {
                    Some(id) if is_anchor(&id) => id.to_string(),
                    Some(id) => return Err(MarkdownError::BadAnchor(id.to_string())),
                    None => format!("s{}", headings.len() + 1),
                };
                if headings.iter().any(|h| h.id == id) {
                    return Err(MarkdownError::DuplicateAnchor(id));
                }
                events[at] = Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id.clone())),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                });
                events.push(Event::End(TagEnd::Heading(level)));
                if n <= 3 {
                    trail.retain(|(l, _)| *l < n);
                    trail.push((n, text.clone()));
                    headings.push(Heading {
                        level: n,
                        id: id.clone(),
                        text: text.clone(),
                    });
                    sections.push(Section {
                        anchor: id,
                        trail: trail.iter().map(|(_, t)| t.clone()).collect(),
                        text: String::new(),
                    });
                } else {
                    push_text(&mut sections, &text);
                    push_text(&mut sections, "\n");
                }
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                if in_heading.is_some() {
                    heading_text.push_str(t);
                } else {
                    push_text(&mut sections, t);
                }
                events.push(event);
            }
            Event::SoftBreak | Event::HardBreak => {
                push_text(&mut sections, " ");
                events.push(event);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                push_text(&mut sections, "\n");
                events.push(event);
            }
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                links.push(dest_url.to_string());
                events.push(event);
            }
            Event::Start(Tag::Table(_)) => {
                events.push(Event::Html(CowStr::Borrowed(
                    "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"表格（可左右滑动）\">",
                )));
                events.push(event);
            }
            Event::End(TagEnd::Table) => {
                events.push(event);
                events.push(Event::Html(CowStr::Borrowed("</div>")));
            }
            other => events.push(other),
        }
    }

    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    if let Some(at) = out.find("**") {
        let start = out[..at].char_indices().rev().nth(15).map_or(0, |(i, _)| i);
        return Err(MarkdownError::StrayEmphasis(
            out[start..].chars().take(40).collect(),
        ));
    }
    for s in &mut sections {
        s.text = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    sections.retain(|s| !s.anchor.is_empty() || !s.text.is_empty());
    Ok(Rendered {
        html: out,
        headings,
        sections,
        links,
    })
}

fn push_text(sections: &mut [Section], t: &str) {
    if let Some(last) = sections.last_mut() {
        last.text.push_str(t);
    }
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Strips Markdown syntax from a short string (for summaries in feeds and meta tags).
pub fn plain_text(source: &str) -> String {
    let mut out = String::new();
    for e in Parser::new_ext(source, options()) {
        match e {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_anchors_and_sections() {
        let r = render("开头。\n\n## 线上办理 {#online}\n\n第一段。\n\n### 第一步 {#step-1}\n\n打开 APP。\n\n## 没有锚点\n\n文字").unwrap();
        assert!(
            r.html.contains("<h2 id=\"online\">线上办理</h2>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h3 id=\"step-1\">第一步</h3>"));
        assert!(r.html.contains("<h2 id=\"s3\">没有锚点</h2>"));
        assert_eq!(r.headings.len(), 3);
        assert_eq!(r.sections[0].anchor, "");
        assert_eq!(r.sections[0].text, "开头。");
        assert_eq!(r.sections[2].trail, vec!["线上办理", "第一步"]);
        assert_eq!(r.sections[2].text, "打开 APP。");
        assert_eq!(r.sections[3].trail, vec!["没有锚点"]);
    }

    #[test]
    fn raw_html_and_h1_are_refused() {
        assert!(matches!(render("<b>x</b>"), Err(MarkdownError::RawHtml(_))));
        assert!(matches!(
            render("a <span>b</span>"),
            Err(MarkdownError::RawHtml(_))
        ));
        assert!(matches!(
            render("# 标题"),
            Err(MarkdownError::TopLevelHeading(_))
        ));
        assert!(matches!(
            render("## A {#Bad_Id}"),
            Err(MarkdownError::BadAnchor(_))
        ));
        assert!(matches!(
            render("## A {#a}\n\n## B {#a}"),
            Err(MarkdownError::DuplicateAnchor(_))
        ));
    }

    #[test]
    fn unclosed_bold_after_chinese_punctuation_is_refused() {
        assert!(matches!(
            render("**注意：**后面"),
            Err(MarkdownError::StrayEmphasis(_))
        ));
        assert!(
            render("**注意**：后面")
                .unwrap()
                .html
                .contains("<strong>注意</strong>")
        );
    }

    #[test]
    fn tables_are_wrapped_and_links_collected() {
        let r = render("| a | b |\n|---|---|\n| 1 | [x](/guides/y#z) |\n").unwrap();
        assert!(r.html.contains("<div class=\"table-wrap\""));
        assert!(r.html.contains("<table>"));
        assert_eq!(r.links, vec!["/guides/y#z"]);
    }

    #[test]
    fn text_is_escaped() {
        let r = render("1 < 2 & \"引号\"").unwrap();
        assert!(r.html.contains("1 &lt; 2 &amp;"), "{}", r.html);
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(
            plain_text("**转移** [接续](/x)\n第二行"),
            "转移 接续 第二行"
        );
    }
}
