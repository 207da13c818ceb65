//! The guided form: `/plan` (start), `/plan/<key>` (one question per page), `/plan/result`
//! (the plan) and `/plan/result.ics` (its dates). The answers live in the query string only.

use super::{Ctx, serve};
use crate::plan::Answers;
use crate::plan::answers::{
    self, Channel, ChoiceValue, Joined, Key, Parsed, Scheme, Status, Stay, Stopped, Target,
};
use crate::plan::flow::{self, Node};
use crate::plan::outcomes::{Place, TransferPlan, When};
use crate::plan::timeline::Timeline;
use crate::web::AppState;
use crate::web::cache::CachedPage;
use crate::web::error::WebError;
use crate::web::layout::{DateExt, Layout, Nav, wants_large};
use crate::web::query;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{NaiveDate, Utc};

fn href(path: &str, a: &Answers) -> String {
    let q = a.query();
    if q.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{q}")
    }
}

fn node_href(node: Node, a: &Answers) -> String {
    match node {
        Node::Ask(k) => href(&format!("/plan/{}", k.name()), a),
        Node::Done(_) => href("/plan/result", a),
    }
}

fn see_other(to: String) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, to))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .finish()
}

// ---------- /plan ----------

#[derive(Template)]
#[template(path = "plan_start.html")]
struct StartTemplate<'a> {
    layout: Layout<'a>,
}

pub fn start_page(ctx: &Ctx) -> CachedPage {
    CachedPage::new(|large| {
        let mut layout = ctx.layout(
            "生成我的转移方案",
            "回答几个问题，得到写明步骤、材料和日期的个人医保转移方案。",
            "/plan",
            Nav::Plan,
            large,
        );
        layout.noindex = true;
        StartTemplate { layout }
            .render()
            .expect("plan start template")
    })
}

pub async fn start(state: web::Data<AppState>, req: HttpRequest) -> HttpResponse {
    serve(&state, &req, "/plan")
}

// ---------- the questions ----------

/// The wording of each question.
struct QuestionText {
    title: &'static str,
    hint: &'static str,
    /// Short label for the answers summary.
    short: &'static str,
    required: &'static str,
    /// The label of a month question's "no" button.
    no_button: &'static str,
}

fn text(key: Key, a: &Answers) -> QuestionText {
    let retired = a.status == Some(Status::Retired);
    let resident = a.scheme == Some(Scheme::Resident);
    let q = |title, hint, short, required| QuestionText {
        title,
        hint,
        short,
        required,
        no_button: "",
    };
    match key {
        Key::Scheme => q(
            "你现在参加的是哪种医保？",
            "看不准也没关系，选“不确定”，我们告诉你怎么查。",
            "参保类型",
            "请选择你现在参加的医保类型。",
        ),
        Key::Status => q("你现在的情况是？", "", "现在的情况", "请选择你现在的情况。"),
        Key::From if retired => q(
            "你在哪里参保、领取退休待遇？",
            "也就是医保关系现在所在的城市（参保地）。",
            "参保地",
            "请选择参保地。",
        ),
        Key::From => q(
            "原来在哪里参保？",
            "医保关系现在所在的城市，也叫“转出地”。直辖市直接选市。",
            "原参保地",
            "请选择原参保地。",
        ),
        Key::To if retired => q(
            "你要在哪里生活或看病？",
            "选你在外地居住或就医的城市。",
            "生活或就医地",
            "请选择生活或就医的地方。",
        ),
        Key::To => q(
            "要到哪里去？",
            "新工作或新住处所在的城市，也叫“转入地”。",
            "新地方",
            "请选择新地方。",
        ),
        Key::Stay => q(
            "你在外地是长期居住，还是临时看病？",
            "长期居住和临时就医的备案办法、报销水平不同。",
            "在外地",
            "请选择长期居住还是临时就医。",
        ),
        Key::Target => q(
            "到新地方后，你打算参加哪种医保？",
            "有单位的，由单位为你参加职工医保。",
            "打算参加",
            "请选择打算参加的医保。",
        ),
        Key::Stopped if resident => QuestionText {
            no_button: "保障到今年年底",
            ..q(
                "原参保地的居民医保保障到哪个月？",
                "居民医保一般按年度缴费：填已缴费年度的最后一个月，例如 2025-12。今年的费用已经缴了、保障到今年 12 月的，点“保障到今年年底”。",
                "原参保地保障到",
                "请填写保障到的月份，或者点“保障到今年年底”。",
            )
        },
        Key::Stopped => QuestionText {
            no_button: "还没停保",
            ..q(
                "原参保地的医保最后缴到哪个月？",
                "填最后一个缴费的月份，例如 2026-09。还在原地缴费的，点“还没停保”：不用先停，方案会告诉你什么时候停。",
                "原参保地缴费",
                "请填写最后缴费的月份，或者点“还没停保”。",
            )
        },
        Key::Joined if a.target == Some(Target::Resident) => QuestionText {
            no_button: "还没在新地方参保",
            ..q(
                "新地方的居民医保从哪个月开始保障？",
                "已经在新地方缴了居民医保的，填保障开始的月份：在集中参保期缴了下一年度的，一般是下一年的 1 月，例如 2027-01。还没缴的，点“还没在新地方参保”。",
                "新地方参保",
                "请填写开始保障的月份，或者点“还没在新地方参保”。",
            )
        },
        Key::Joined if a.target == Some(Target::Employee) => QuestionText {
            no_button: "还没在新地方参保",
            ..q(
                "新单位从哪个月开始为你缴医保？",
                "填第一个缴费的月份；还没缴但已经约定好的，填约定的月份，例如 2027-01。还没有新单位、没参保的，点“还没在新地方参保”。",
                "新地方参保",
                "请填写开始缴费的月份，或者点“还没在新地方参保”。",
            )
        },
        Key::Joined => QuestionText {
            no_button: "还没在新地方参保",
            ..q(
                "你在新地方从哪个月开始按灵活就业缴医保？",
                "填第一个缴费的月份，例如 2027-01。还没有在新地方参保的，点“还没在新地方参保”。",
                "新地方参保",
                "请填写开始缴费的月份，或者点“还没在新地方参保”。",
            )
        },
        Key::Channel => q(
            "你想在网上办，还是到窗口办？",
            "两种都可以，办理时限一样。",
            "办理方式",
            "请选择办理方式。",
        ),
    }
}

/// The options of a choice question as (value, label, hint), written once in `answers.rs`;
/// the `keep` option is worded for the person's scheme and status.
fn options(key: Key, a: &Answers) -> Vec<(&'static str, &'static str, &'static str)> {
    fn of<T: ChoiceValue>() -> Vec<(&'static str, &'static str, &'static str)> {
        T::OPTIONS
            .iter()
            .map(|o| (o.value, o.label, o.hint))
            .collect()
    }
    match key {
        Key::Scheme => of::<Scheme>(),
        Key::Status => of::<Status>(),
        Key::Stay => of::<Stay>(),
        Key::Target => {
            let (label, hint) = Target::keep_label(a.scheme, a.status);
            of::<Target>()
                .into_iter()
                .map(|o| {
                    if o.0 == Target::Keep.value() {
                        (o.0, label, hint)
                    } else {
                        o
                    }
                })
                .collect()
        }
        Key::Channel => of::<Channel>(),
        Key::From | Key::To | Key::Stopped | Key::Joined => Vec::new(),
    }
}

/// An answer in words, for the summary.
fn answer_words(state: &AppState, a: &Answers, key: Key) -> Option<String> {
    let v = a.value(key)?;
    let resident = a.scheme == Some(Scheme::Resident);
    Some(match key {
        Key::From | Key::To => {
            let code = if key == Key::From { a.from? } else { a.to? };
            state.regions.get(code)?.full_name()
        }
        Key::Stopped => match a.stopped? {
            Stopped::No if resident => "保障到今年年底".into(),
            Stopped::No => "还没停保".into(),
            Stopped::Month(m) if resident => format!("保障到{}", m.cn()),
            Stopped::Month(m) => format!("最后缴费：{}", m.cn()),
        },
        Key::Joined => match a.joined? {
            Joined::No => "还没在新地方参保".into(),
            Joined::Month(m) => format!("从{}起", m.cn()),
        },
        _ => options(key, a)
            .into_iter()
            .find(|o| o.0 == v)?
            .1
            .to_string(),
    })
}

struct SummaryRow {
    label: &'static str,
    answer: String,
    change_href: String,
}

/// The answers on the route so far, each with a 修改 link that keeps every other answer.
fn summary(state: &AppState, a: &Answers, upto: Option<Key>) -> Vec<SummaryRow> {
    flow::route(a)
        .into_iter()
        .take_while(|k| Some(*k) != upto)
        .filter_map(|k| {
            Some(SummaryRow {
                label: text(k, a).short,
                answer: answer_words(state, a, k)?,
                change_href: href(&format!("/plan/{}", k.name()), a),
            })
        })
        .collect()
}

struct Opt {
    value: &'static str,
    label: &'static str,
    hint: &'static str,
    checked: bool,
}

struct RegionOpt {
    value: String,
    label: String,
    selected: bool,
}

struct RegionGroup {
    label: String,
    options: Vec<RegionOpt>,
}

#[derive(Template)]
#[template(path = "plan_question.html")]
struct QuestionTemplate<'a> {
    layout: Layout<'a>,
    key: &'static str,
    title: &'static str,
    hint: &'static str,
    error: Option<String>,
    /// "choice", "region" or "month".
    kind: &'static str,
    choices: Vec<Opt>,
    regions: Vec<RegionGroup>,
    month: String,
    no_button: &'static str,
    hidden: Vec<(&'static str, String)>,
    summary: Vec<SummaryRow>,
    back_href: String,
    step: usize,
}

fn render_question(
    state: &AppState,
    req: &HttpRequest,
    p: &Parsed,
    key: Key,
    error: Option<String>,
) -> Result<(StatusCode, String), WebError> {
    let a = &p.answers;
    let t = text(key, a);
    let current = a.value(key);
    let raw = p.raw(key).map(str::to_string);
    let kind = match key {
        Key::From | Key::To => "region",
        Key::Stopped | Key::Joined => "month",
        _ => "choice",
    };
    let choices = options(key, a)
        .into_iter()
        .map(|o| Opt {
            value: o.0,
            label: o.1,
            hint: o.2,
            checked: current.as_deref() == Some(o.0),
        })
        .collect();
    let regions = if kind == "region" {
        state
            .regions
            .groups()
            .into_iter()
            .map(|g| RegionGroup {
                label: g.name.to_string(),
                options: g
                    .units
                    .iter()
                    .map(|r| {
                        let value = format!("{:06}", r.code);
                        RegionOpt {
                            selected: current.as_deref() == Some(value.as_str()),
                            value,
                            label: r.name.clone(),
                        }
                    })
                    .collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let given = match key {
        Key::Stopped => match a.stopped {
            Some(Stopped::Month(m)) => Some(m),
            _ => None,
        },
        Key::Joined => match a.joined {
            Some(Joined::Month(m)) => Some(m),
            _ => None,
        },
        _ => None,
    };
    let month = match (given, &raw) {
        (Some(m), _) if error.is_none() => m.iso(),
        (_, Some(r)) if r != "no" => r.clone(),
        _ => String::new(),
    };
    let hidden = Key::ALL
        .iter()
        .filter(|k| **k != key)
        .filter_map(|k| a.value(*k).map(|v| (k.name(), v)))
        .chain(a.start.map(|s| ("start", s.iso())))
        .collect();
    let back_href = match flow::previous(a, key) {
        Some(prev) => href(&format!("/plan/{}", prev.name()), a),
        None => "/plan".to_string(),
    };
    let step = flow::route(a)
        .iter()
        .position(|k| *k == key)
        .map_or(1, |i| i + 1);
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let title = if error.is_some() {
        format!("出错了：{}", t.title)
    } else {
        t.title.to_string()
    };
    let mut layout = state.layout(
        &title,
        t.hint,
        &href(&format!("/plan/{}", key.name()), a),
        Nav::Plan,
        wants_large(req),
    );
    layout.noindex = true;
    let page = QuestionTemplate {
        layout,
        key: key.name(),
        title: t.title,
        hint: t.hint,
        error,
        kind,
        choices,
        regions,
        month,
        no_button: t.no_button,
        hidden,
        summary: summary(state, a, Some(key)),
        back_href,
        step,
    }
    .render()
    .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok((status, page))
}

/// Serves a page with an error: never kept in the cache.
fn uncached(
    state: &AppState,
    req: &HttpRequest,
    page: Result<(StatusCode, String), WebError>,
) -> Result<HttpResponse, WebError> {
    let (status, body) = page?;
    Ok(state.keep(req, false, "no-store", status, body))
}

/// The first error on the route the valid answers take, as (key, message).
fn first_error(p: &Parsed) -> Option<(Key, String)> {
    let route = flow::route(&p.answers);
    p.errors
        .iter()
        .filter_map(|e| e.key.map(|k| (k, e)))
        .find(|(k, _)| route.contains(k))
        .map(|(k, e)| {
            let shown = if e.raw.is_empty() {
                String::new()
            } else {
                format!("（你填的是“{}”）", e.raw)
            };
            (k, format!("{}{shown}", e.message))
        })
}

fn read(
    req: &HttpRequest,
    state: &AppState,
    today: NaiveDate,
) -> Result<(Vec<(String, String)>, Parsed), WebError> {
    let pairs = query::pairs(req.query_string())?;
    let parsed = answers::parse(&pairs, &state.regions, today);
    Ok((pairs, parsed))
}

pub async fn question(
    state: web::Data<AppState>,
    req: HttpRequest,
    key: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let Some(key) = Key::from_name(&key) else {
        return Err(WebError::NotFound);
    };
    let today = state.today();
    let (pairs, mut p) = read(&req, &state, today)?;
    if let Some((k, message)) = first_error(&p) {
        return uncached(
            &state,
            &req,
            render_question(&state, &req, &p, k, Some(message)),
        );
    }
    let submitted = pairs.iter().any(|(k, v)| k == "go" && v == "1");
    let answered = p.answers.value(key).is_some();
    let route = flow::route(&p.answers);
    if submitted {
        if !answered && route.contains(&key) {
            let msg = text(key, &p.answers).required.to_string();
            return uncached(
                &state,
                &req,
                render_question(&state, &req, &p, key, Some(msg)),
            );
        }
        p.answers = flow::prune(&p.answers);
        return Ok(see_other(node_href(flow::next(&p.answers), &p.answers)));
    }
    if route.contains(&key) {
        return state.cached_page(&req, "no-store", || {
            render_question(&state, &req, &p, key, None)
        });
    }
    // Not reachable with these answers: go to where the answers lead.
    let a = flow::prune(&p.answers);
    Ok(see_other(node_href(flow::next(&a), &a)))
}

// ---------- /plan/result ----------

struct StepView {
    title: String,
    place: String,
    who: String,
    what: String,
    time: String,
    done: bool,
}

/// A key date: its element id, the `<time datetime>` value(s) and their Chinese text.
struct DateView {
    id: &'static str,
    iso: String,
    cn: String,
    /// The end of a period.
    until: Option<(String, String)>,
    label: String,
    what: String,
    estimated: bool,
}

struct LinkView {
    href: String,
    label: String,
}

/// The machine-readable facts on `<article class="plan">` (design/plan.md).
struct Facts {
    covered_now: &'static str,
    gap_months: u32,
    waiting: &'static str,
    waiting_months: Option<u32>,
}

#[derive(Template)]
#[template(path = "plan_result.html")]
struct ResultTemplate<'a> {
    layout: Layout<'a>,
    plan: TransferPlan,
    outcome: &'static str,
    facts: Option<Facts>,
    steps: Vec<StepView>,
    dates: Vec<DateView>,
    summary: Vec<SummaryRow>,
    continues: Vec<LinkView>,
    guides: Vec<LinkView>,
    faqs: Vec<LinkView>,
    basis: Vec<&'static str>,
    hidden: Vec<(&'static str, String)>,
    /// The start form is shown when the plan has an application date.
    has_start: bool,
    start_value: String,
    start_error: Option<String>,
    made_iso: String,
    made_cn: String,
    full_url: String,
    ics_href: String,
    /// The QR code of the plan's URL (an image at its own URL).
    qr_href: String,
    hotline: &'a str,
}

fn place_words(p: Place, plan: &TransferPlan) -> String {
    let from = plan.from_name.clone().unwrap_or_default();
    let to = plan.to_name.clone().unwrap_or_default();
    match p {
        Place::From => format!("转出地（{from}）"),
        Place::To => format!("转入地（{to}）"),
        Place::Online => "线上".into(),
        Place::Either => "转出地或转入地".into(),
    }
}

/// The modules of a QR code for `text` (error correction M), row by row. One fixed mask:
/// trying all eight and scoring their penalties was most of the cost of a plan page, and a
/// reader decodes any mask.
fn qr_modules(text: &str) -> Option<(usize, Vec<qrcode::Color>)> {
    use qrcode::canvas::{Canvas, MaskPattern};
    use qrcode::{EcLevel, bits, ec};
    let bits = bits::encode_auto(text.as_bytes(), EcLevel::M).ok()?;
    let version = bits.version();
    let data = bits.into_bytes();
    let (encoded, correction) = ec::construct_codewords(&data, version, EcLevel::M).ok()?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&encoded, &correction);
    canvas.apply_mask(MaskPattern::Checkerboard);
    Some((usize::try_from(version.width()).ok()?, canvas.into_colors()))
}

/// The plan's URL as a QR code, an SVG image, one module per unit. Each row's runs of dark
/// modules are strokes one unit wide along the row's middle, written with relative moves
/// (`M4,7.5h3m2,0h1…`): about 4 KB, where the crate's renderer writes ~20 KB. Served at its
/// own URL ([`qr`]), so the plan page does not carry it twice and a printout fetches it once.
fn qr_svg(text: &str) -> Option<String> {
    let (width, colors) = qr_modules(text)?;
    let size = width + 2 * QR_QUIET;
    let path = qr_path(width, &colors);
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path stroke=\"#000\" d=\"{path}\"/></svg>"
    ))
}

/// The light border around a QR code, in modules (the standard asks for four).
const QR_QUIET: usize = 4;

/// The SVG path of the dark modules (see [`qr_svg`]).
fn qr_path(width: usize, colors: &[qrcode::Color]) -> String {
    use std::fmt::Write;
    let dark = |x: usize, y: usize| colors[y * width + x] == qrcode::Color::Dark;
    let mut path = String::with_capacity(4096);
    for y in 0..width {
        // Where the pen is on this row, once a run was drawn.
        let mut pen: Option<usize> = None;
        let mut x = 0;
        while x < width {
            if !dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && dark(x, y) {
                x += 1;
            }
            // Writing into a String cannot fail.
            let _ = match pen {
                None => write!(
                    path,
                    "M{},{}.5h{}",
                    start + QR_QUIET,
                    y + QR_QUIET,
                    x - start
                ),
                Some(p) => write!(path, "m{},0h{}", start - p, x - start),
            };
            pen = Some(x);
        }
    }
    path
}

/// The answers a complete plan is built from, or the URL of the question to ask first.
fn complete(p: &Parsed) -> Result<Answers, String> {
    let mut a = flow::prune(&p.answers);
    a.start = p.answers.start;
    match flow::next(&a) {
        // Old plan URLs without a key the route now asks (e.g. `joined`) land on that question,
        // keeping the rest (design/plan.md).
        Node::Ask(_) => Err(node_href(flow::next(&a), &a)),
        Node::Done(_) => Ok(a),
    }
}

pub async fn result(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let today = state.today();
    let (_, p) = read(&req, &state, today)?;
    if let Some((k, message)) = first_error(&p) {
        return uncached(
            &state,
            &req,
            render_question(&state, &req, &p, k, Some(message)),
        );
    }
    let a = match complete(&p) {
        Ok(a) => a,
        Err(question) => return Ok(see_other(question)),
    };
    if !p.errors.is_empty() {
        // A refused `start` (or an off-route value) must show on the page.
        return uncached(&state, &req, render_result(&state, &req, &p, &a, today));
    }
    state.cached_page(&req, "no-store", || {
        render_result(&state, &req, &p, &a, today)
    })
}

fn facts_of(t: &Timeline) -> Facts {
    Facts {
        covered_now: t.covered_now.as_str(),
        gap_months: t.gap_months,
        waiting: t.waiting.as_str(),
        waiting_months: t.waiting_months,
    }
}

fn date_view(d: &crate::plan::outcomes::KeyDate) -> DateView {
    let (iso, cn, until) = match d.when {
        When::Day(x) => (x.iso(), x.cn(), None),
        When::Month(m) => (m.iso(), m.cn(), None),
        When::Period(x, y) => (x.iso(), x.cn(), Some((y.iso(), y.cn()))),
    };
    DateView {
        id: d.id.id(),
        iso,
        cn,
        until,
        label: d.label.clone(),
        what: d.what.clone(),
        estimated: d.estimated,
    }
}

fn render_result(
    state: &AppState,
    req: &HttpRequest,
    p: &Parsed,
    a: &Answers,
    today: NaiveDate,
) -> Result<(StatusCode, String), WebError> {
    let plan = crate::plan::build(a, &state.plan_data(), today).ok_or(WebError::NotFound)?;
    // A start the parser refused, or one the case does not allow (before the person can apply).
    let start_error = p
        .errors
        .iter()
        .find(|e| e.key.is_none())
        .map(|e| e.message.clone())
        .or_else(|| {
            plan.start_invalid
                .then(|| plan.start_message.clone())
                .flatten()
        });
    let steps = plan
        .steps
        .iter()
        .map(|s| StepView {
            title: s.title.clone(),
            place: place_words(s.place, &plan),
            who: s.who.clone(),
            what: s.what.clone(),
            time: s.time.clone().unwrap_or_default(),
            done: s.done,
        })
        .collect();
    let dates = plan.dates.iter().map(date_view).collect();
    let continues = plan
        .continues
        .iter()
        .map(|c| LinkView {
            href: node_href(flow::next(&c.answers), &c.answers),
            label: c.label.clone(),
        })
        .collect();
    // Slugs are typed and checked at start-up: every one of them exists.
    let guides = plan
        .guides
        .iter()
        .filter_map(|g| state.lib.guide(g.slug()))
        .map(|g| LinkView {
            href: g.path(),
            label: g.title.clone(),
        })
        .collect();
    let faqs = plan
        .faq
        .iter()
        .filter_map(|f| state.lib.faq(f.slug()))
        .map(|f| LinkView {
            href: f.path(),
            label: f.question.clone(),
        })
        .collect();
    let hidden = Key::ALL
        .iter()
        .filter_map(|k| a.value(*k).map(|v| (k.name(), v)))
        .collect();
    let path = href("/plan/result", a);
    let full_url = format!("{}{}", state.site_url, path);
    let status = if start_error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let title = if start_error.is_some() {
        format!("出错了：{}", plan.title)
    } else {
        plan.title.clone()
    };
    let mut layout = state.layout(&title, &plan.conclusion, &path, Nav::Plan, wants_large(req));
    layout.noindex = true;
    let start = plan.timeline.as_ref().and_then(Timeline::start);
    let page = ResultTemplate {
        layout,
        outcome: plan.outcome.id(),
        facts: plan.timeline.as_ref().map(facts_of),
        steps,
        dates,
        summary: summary(state, a, None),
        continues,
        guides,
        faqs,
        basis: plan.basis.iter().map(|c| c.text()).collect(),
        hidden,
        has_start: start.is_some(),
        start_value: match (&p.raw_start, start) {
            (Some(raw), _) if start_error.is_some() => raw.clone(),
            (_, Some(s)) => s.iso(),
            (Some(raw), None) => raw.clone(),
            (None, None) => String::new(),
        },
        start_error,
        made_iso: today.iso(),
        made_cn: today.cn(),
        qr_href: href("/plan/qr.svg", a),
        ics_href: href("/plan/result.ics", a),
        full_url,
        hotline: &state.lib.facts.hotline,
        plan,
    }
    .render()
    .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok((status, page))
}

// ---------- /plan/result.ics ----------

pub async fn calendar(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, WebError> {
    let today = state.today();
    let (_, p) = read(&req, &state, today)?;
    if let Some((_, message)) = first_error(&p) {
        return Err(WebError::BadRequest(message));
    }
    let a = match complete(&p) {
        Ok(a) => a,
        Err(question) => return Ok(see_other(question)),
    };
    let plan = crate::plan::build(&a, &state.plan_data(), today).ok_or(WebError::NotFound)?;
    if plan.start_invalid {
        return Err(WebError::BadRequest(plan.start_message.unwrap_or_default()));
    }
    let url = format!("{}{}", state.site_url, href("/plan/result", &a));
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let Some(ics) = crate::plan::ics::calendar(&plan, &url, today, &stamp) else {
        return Err(WebError::BadRequest("这个方案没有需要记下的日期。".into()));
    };
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"yibao-plan.ics\"",
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(ics))
}

/// `/plan/qr.svg?<answers>`: the QR code of the plan's URL, the image the plan page shows
/// and prints. The same answers always give the same image, so it is cached for a day.
pub async fn qr(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, WebError> {
    let (_, p) = read(&req, &state, state.today())?;
    if let Some((_, message)) = first_error(&p) {
        return Err(WebError::BadRequest(message));
    }
    let a = complete(&p).map_err(|_| WebError::NotFound)?;
    let url = format!("{}{}", state.site_url, href("/plan/result", &a));
    let svg = qr_svg(&url).ok_or(WebError::NotFound)?;
    Ok(crate::web::cache::Encoded::image(svg.into_bytes()).respond(
        &req,
        StatusCode::OK,
        "image/svg+xml",
        "public, max-age=86400",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Our own QR drawing (fixed mask, merged runs) decodes back to the plan's URL with a
    /// real QR reader.
    #[test]
    fn the_qr_code_reads_back_as_the_plan_url() {
        let url = "https://example.test/plan/result?scheme=resident&from=440300&to=350100&target=resident&stopped=2025-12&joined=no&channel=online&start=2027-01-04";
        let (width, colors) = qr_modules(url).unwrap();
        let (scale, quiet) = (4usize, 4usize);
        let side = (width + 2 * quiet) * scale;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            let (mx, my) = (
                (x / scale) as isize - quiet as isize,
                (y / scale) as isize - quiet as isize,
            );
            let dark = mx >= 0
                && my >= 0
                && (mx as usize) < width
                && (my as usize) < width
                && colors[my as usize * width + mx as usize] == qrcode::Color::Dark;
            if dark { 0 } else { 255 }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, url);
    }

    /// The path read back, stroke by stroke, paints exactly the dark modules.
    #[test]
    fn the_qr_path_paints_exactly_the_dark_modules() {
        let url = "https://example.test/plan/result?scheme=employee&status=working&from=440300&to=430100&target=employee&stopped=2026-08&joined=2026-09&channel=online&start=2026-09-25";
        let (width, colors) = qr_modules(url).unwrap();
        let path = qr_path(width, &colors);
        let mut painted = vec![false; width * width];
        let (mut x, mut y) = (0i64, 0i64);
        let mut rest = path.as_str();
        let number = |s: &str| -> (i64, usize) {
            let n = s.chars().take_while(char::is_ascii_digit).count();
            (s[..n].parse().unwrap(), n)
        };
        while let Some(op) = rest.chars().next() {
            rest = &rest[1..];
            match op {
                'M' => {
                    let (a, n) = number(rest);
                    let (b, m) = number(&rest[n + 1..]);
                    assert_eq!(&rest[n + 1 + m..n + 3 + m], ".5");
                    (x, y) = (a, b);
                    rest = &rest[n + 3 + m..];
                }
                'm' => {
                    let (a, n) = number(rest);
                    assert_eq!(&rest[n..n + 2], ",0");
                    x += a;
                    rest = &rest[n + 2..];
                }
                'h' => {
                    let (a, n) = number(rest);
                    for i in x..x + a {
                        let (mx, my) = (i as usize - QR_QUIET, y as usize - QR_QUIET);
                        assert!(!painted[my * width + mx], "painted twice");
                        painted[my * width + mx] = true;
                    }
                    x += a;
                    rest = &rest[n..];
                }
                other => panic!("unexpected {other} in {rest}"),
            }
        }
        let dark: Vec<bool> = colors.iter().map(|c| *c == qrcode::Color::Dark).collect();
        assert_eq!(painted, dark);
    }

    #[test]
    fn qr_is_a_small_svg() {
        let q = qr_svg("https://example.test/plan/result?scheme=employee&status=working&from=440300&to=430100&target=employee&stopped=2026-08&joined=2026-09&channel=online&start=2026-09-25").unwrap();
        assert!(q.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(q.ends_with("</svg>"));
        // The longest plan URL (every answer and a start day): a 57-module code.
        assert!(q.len() < 5_000, "{} bytes", q.len());
    }
}
