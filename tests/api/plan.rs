//! HTTP tests of the guided form and the plan: the URL contract, routing, errors, ICS, and a
//! property test that no mix of answers gets a 5xx.

use crate::helpers::*;
use proptest::prelude::*;

/// A complete case (today is fixed at helpers::TODAY, 2026-11-25): paid in Shenzhen to 2026-08,
/// in Changsha from 2026-09, so no gap, and both conditions for applying hold.
const FULL: &str = "scheme=employee&status=working&from=440300&to=430100&target=employee&stopped=2026-08&joined=2026-09&channel=online";

fn location(r: &reqwest::Response) -> String {
    header(r, "location")
}

#[tokio::test]
async fn start_page_explains_and_starts() {
    let (status, body) = get_text("/plan").await;
    assert_eq!(status, 200);
    assert!(body.contains("href=\"/plan/scheme\""));
    assert!(body.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(body.contains("不保存"));
}

/// Walks the form the way a browser without JavaScript does: submit, follow the 303.
#[tokio::test]
async fn walking_the_form_reaches_the_plan() {
    let steps = [
        ("scheme", "employee"),
        ("status", "working"),
        ("from", "440300"),
        ("to", "430100"),
        ("target", "employee"),
        ("stopped", "2026-08"),
        ("joined", "2026-09"),
        ("channel", "online"),
    ];
    let mut at = "/plan/scheme".to_string();
    for (key, value) in steps {
        assert!(
            at.starts_with(&format!("/plan/{key}")),
            "expected the {key} question, at {at}"
        );
        let (status, page) = get_text(&at).await;
        assert_eq!(status, 200, "{at}");
        assert!(page.contains(&format!("name=\"{key}\"")), "{at} asks {key}");
        let sep = if at.contains('?') { '&' } else { '?' };
        let r = get(&format!("{at}{sep}{key}={value}&go=1")).await;
        assert_eq!(r.status().as_u16(), 303, "{at}");
        at = location(&r);
    }
    assert_eq!(at, format!("/plan/result?{FULL}"));
    let (status, page) = get_text(&at).await;
    assert_eq!(status, 200);
    assert!(page.contains("办理职工医保关系转移接续"));
    assert!(page.contains("广东省深圳市 → 湖南省长沙市"));
    assert!(page.contains("noindex"));
}

#[tokio::test]
async fn result_with_missing_answers_redirects_to_the_first_unanswered_keeping_the_rest() {
    let r = get("/plan/result?scheme=employee&from=440300&to=430100&channel=online").await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        location(&r),
        "/plan/status?scheme=employee&from=440300&to=430100&channel=online"
    );
}

#[tokio::test]
async fn question_pages_show_earlier_answers_with_change_links_and_a_back_link() {
    let (status, page) =
        get_text("/plan/target?scheme=employee&status=working&from=440300&to=430100").await;
    assert_eq!(status, 200);
    assert!(page.contains("广东省深圳市") && page.contains("湖南省长沙市"));
    assert!(
        page.contains(
            "href=\"/plan/from?scheme=employee&#38;status=working&#38;from=440300&#38;to=430100\""
        ),
        "修改 link keeps the answers"
    );
    assert!(
        page.contains(
            "href=\"/plan/to?scheme=employee&#38;status=working&#38;from=440300&#38;to=430100\""
        ),
        "back link"
    );
    // Earlier answers travel as hidden fields.
    assert!(page.contains("<input type=\"hidden\" name=\"from\" value=\"440300\">"));
}

#[tokio::test]
async fn a_change_drops_answers_the_new_route_no_longer_asks() {
    // Was working; now says retired: target/stopped/joined/channel are dropped, stay is asked.
    let r = get(&format!(
        "/plan/status?{}&go=1",
        FULL.replace("status=working", "status=retired")
    ))
    .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        location(&r),
        "/plan/stay?scheme=employee&status=retired&from=440300&to=430100"
    );
    // Changing an answer that keeps the route goes straight back to the plan.
    let r = get(&format!(
        "/plan/channel?{}&go=1",
        FULL.replace("channel=online", "channel=offline")
    ))
    .await;
    assert_eq!(
        location(&r),
        format!("/plan/result?{}", FULL.replace("online", "offline"))
    );
}

#[tokio::test]
async fn earlier_answers_are_prefilled() {
    let (_, page) = get_text(&format!("/plan/channel?{FULL}")).await;
    assert!(page.contains("value=\"online\" checked"));
    let (_, page) = get_text(&format!("/plan/stopped?{FULL}")).await;
    assert!(page.contains("value=\"2026-08\""));
    let (_, page) = get_text(&format!("/plan/joined?{FULL}")).await;
    assert!(page.contains("value=\"2026-09\""));
    let (_, page) = get_text(&format!("/plan/to?{FULL}")).await;
    assert!(page.contains("<option value=\"430100\" selected>长沙市</option>"));
}

/// Every invalid value of every key: a 4xx question page with a Chinese message that keeps
/// the other answers.
#[tokio::test]
async fn invalid_values_get_a_4xx_question_page_keeping_the_other_answers() {
    let long = "9".repeat(5000);
    let script = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    let cases: Vec<(&str, Vec<String>)> = vec![
        (
            "scheme",
            vec![
                "nope".into(),
                script.into(),
                long.clone(),
                "employee&scheme=resident".into(),
            ],
        ),
        (
            "status",
            vec!["sleeping".into(), script.into(), long.clone()],
        ),
        (
            "from",
            vec![
                "999999".into(),
                "430000".into(),
                "43010".into(),
                script.into(),
                long.clone(),
            ],
        ),
        (
            "to",
            vec![
                "000000".into(),
                "abc".into(),
                script.into(),
                "430100&to=440100".into(),
            ],
        ),
        ("target", vec!["both".into(), script.into()]),
        (
            "stopped",
            vec![
                "2026-13".into(),
                "2026-02-30".into(),
                "1960-01".into(),
                "2099-01".into(),
                "yesterday".into(),
                script.into(),
                long.clone(),
            ],
        ),
        (
            "joined",
            vec![
                "2026-13".into(),
                "2028-01".into(),
                "1960-01".into(),
                "soon".into(),
                "2026-09-01".into(),
                script.into(),
                long.clone(),
            ],
        ),
        ("channel", vec!["fax".into(), script.into()]),
    ];
    for (key, bad_values) in cases {
        for bad in bad_values {
            let q = FULL
                .split('&')
                .map(|kv| {
                    if kv.starts_with(&format!("{key}=")) {
                        format!("{key}={bad}")
                    } else {
                        kv.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("&");
            for page in ["/plan/result", &format!("/plan/{key}")] {
                let (status, body) = get_text(&format!("{page}?{q}")).await;
                assert_eq!(status, 400, "{page} {key}={}", &bad[..bad.len().min(30)]);
                assert!(body.contains("<title>出错了："), "{key}: title prefix");
                assert!(
                    body.contains("class=\"error-summary\""),
                    "{key}: error summary"
                );
                assert!(
                    body.contains(&format!("href=\"#{key}-field\"")),
                    "{key}: link to the field"
                );
                assert!(!body.contains("<script>alert"), "{key}: escaped");
                for kv in FULL.split('&').filter(|kv| !kv.starts_with(key)) {
                    let (k, v) = kv.split_once('=').unwrap();
                    if ["stay"].contains(&k) {
                        continue;
                    }
                    assert!(
                        body.contains(&format!("name=\"{k}\" value=\"{v}\"")),
                        "{page} {key}: the other answer {k}={v} is kept"
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn a_typed_month_is_kept_after_an_error() {
    let (status, body) = get_text("/plan/stopped?scheme=employee&status=working&from=440300&to=430100&target=employee&stopped=2026-13&go=1").await;
    assert_eq!(status, 400);
    assert!(body.contains("value=\"2026-13\""));
    assert!(body.contains("请按“年-月”填写"));
}

#[tokio::test]
async fn submitting_without_an_answer_asks_again() {
    let (status, body) = get_text("/plan/scheme?go=1").await;
    assert_eq!(status, 400);
    assert!(body.contains("请选择你现在参加的医保类型"));
}

#[tokio::test]
async fn the_not_stopped_button_wins_over_a_leftover_month() {
    let r = get("/plan/stopped?scheme=employee&status=working&from=440300&to=430100&target=employee&stopped=2026-09&stopped=no&go=1").await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(location(&r).contains("stopped=no"));
    assert!(
        location(&r).starts_with("/plan/joined?"),
        "joined is asked next"
    );
    let r = get("/plan/joined?scheme=employee&status=working&from=440300&to=430100&target=employee&stopped=no&joined=2026-09&joined=no&go=1").await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(location(&r).contains("joined=no"));
}

#[tokio::test]
async fn unknown_keys_are_ignored() {
    let (status, _) = get_text(&format!("/plan/result?{FULL}&utm_source=x&foo=%FF%FE")).await;
    assert_eq!(
        status, 400,
        "invalid UTF-8 anywhere in the URL is a clear 400"
    );
    let (status, _) = get_text(&format!("/plan/result?{FULL}&utm_source=x")).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn every_date_on_the_plan_is_a_time_element() {
    let (status, page) = get_text(&format!("/plan/result?{FULL}&start=2026-09-25")).await;
    assert_eq!(status, 200);
    // 15 working days after 2026-09-25 → 2026-10-22 (holidays_vectors.md).
    assert!(
        page.contains("<time datetime=\"2026-10-22\">2026年10月22日</time>"),
        "transfer-in deadline"
    );
    assert!(
        page.contains("<time datetime=\"2026-10-15\">2026年10月15日</time>"),
        "transfer-out deadline"
    );
    assert!(
        page.contains("<li id=\"key-date-apply\"><time datetime=\"2026-09-25\">"),
        "the application date, by its id"
    );
    // Not joined yet: the last month to join, as a month.
    let (_, page) = get_text(&format!(
        "/plan/result?{}",
        FULL.replace("joined=2026-09", "joined=no")
            .replace("stopped=2026-08", "stopped=2026-10")
    ))
    .await;
    assert!(
        page.contains("<li id=\"key-date-join-by\"><time datetime=\"2027-01\">2027年1月</time>"),
        "join-by month"
    );
    assert!(
        !page.contains("key-date-apply"),
        "no application date before joining"
    );
    assert!(
        !page.contains("年10月22日</td>"),
        "no bare dates outside <time>"
    );
    let (status, page) = get_text(&format!("/plan/result?{FULL}&start=2026-02-30")).await;
    assert_eq!(status, 400, "an impossible start date");
    assert!(
        page.contains("value=\"2026-02-30\""),
        "the typed date is kept"
    );
}

#[tokio::test]
async fn the_plan_has_a_qr_code_its_url_and_a_print_button() {
    let (_, page) = get_text(&format!("/plan/result?{FULL}")).await;
    let qr = format!("/plan/qr.svg?{}", FULL.replace('&', "&#38;"));
    assert_eq!(
        page.matches(&format!("src=\"{qr}\"")).count(),
        2,
        "the QR code on screen and in print, one image URL"
    );
    let r = get(&format!("/plan/qr.svg?{FULL}")).await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(header(&r, "content-type"), "image/svg+xml");
    assert!(header(&r, "cache-control").starts_with("public"));
    let svg = r.text().await.unwrap();
    assert!(svg.starts_with("<svg ") && svg.contains("<path stroke=\"#000\" d=\"M"));
    // Not a plan yet, or a wrong answer: a clear 4xx, never an image of something else.
    assert_eq!(
        get("/plan/qr.svg?scheme=employee").await.status().as_u16(),
        404
    );
    let bad = get(&format!("/plan/qr.svg?{FULL}&from=999999")).await;
    assert_eq!(bad.status().as_u16(), 400);
    assert!(page.contains(&format!(
        "https://example.test/plan/result?{}",
        FULL.replace('&', "&#38;")
    )));
    assert!(
        page.contains("data-print hidden"),
        "print button exists, shown by script"
    );
    assert!(
        !page.contains("window.print"),
        "never an automatic print dialog"
    );
}

#[tokio::test]
async fn calendar_file_has_the_key_dates() {
    let r = get(&format!("/plan/result.ics?{FULL}&start=2026-09-25")).await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(header(&r, "content-type").starts_with("text/calendar"));
    let ics = r.text().await.unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
    for d in ["20260925", "20261015", "20261022"] {
        assert!(ics.contains(&format!("DTSTART;VALUE=DATE:{d}")), "{d}");
    }
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line too long: {line}");
    }
    let r = get("/plan/result.ics?scheme=unknown").await;
    assert_eq!(r.status().as_u16(), 400);
    // A start before the person can apply is refused, not put in a calendar.
    let r = get(&format!("/plan/result.ics?{FULL}&start=2026-08-20")).await;
    assert_eq!(r.status().as_u16(), 400);
}

/// The file parses with a real iCalendar parser (the `icalendar` crate), event by event.
#[tokio::test]
async fn calendar_file_parses_with_an_icalendar_library() {
    use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};
    let q = FULL
        .replace("joined=2026-09", "joined=no")
        .replace("stopped=2026-08", "stopped=2026-10");
    for q in [FULL.to_string(), q] {
        let ics = get(&format!("/plan/result.ics?{q}"))
            .await
            .text()
            .await
            .unwrap();
        let cal: Calendar = ics.parse().unwrap_or_else(|e| panic!("{e}\n{ics}"));
        let events: Vec<_> = cal
            .components
            .iter()
            .filter_map(|c| match c {
                CalendarComponent::Event(e) => Some(e),
                _ => None,
            })
            .collect();
        assert!(!events.is_empty(), "{q}");
        for e in events {
            assert!(e.get_summary().unwrap().starts_with("医保转移："));
            let Some(DatePerhapsTime::Date(day)) = e.get_start() else {
                panic!("all-day events")
            };
            assert!(day >= today(), "{q}: an event before today: {day}");
            assert!(
                e.get_description()
                    .unwrap()
                    .contains("https://example.test/plan/result?")
            );
        }
    }
}

/// Old plan URLs (before `joined` was asked) go to that question, keeping every answer.
#[tokio::test]
async fn an_old_plan_url_without_joined_goes_to_the_joined_question() {
    let old = "scheme=employee&status=working&from=440300&to=430100&target=employee&stopped=2026-09&channel=online&start=2026-10-08";
    for page in ["/plan/result", "/plan/result.ics"] {
        let r = get(&format!("{page}?{old}")).await;
        assert_eq!(r.status().as_u16(), 303, "{page}");
        assert_eq!(location(&r), format!("/plan/joined?{old}"));
    }
    let (status, page) = get_text(&format!("/plan/joined?{old}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("新单位从哪个月开始为你缴医保"));
    assert!(page.contains("还没在新地方参保"));
}

#[tokio::test]
async fn the_plan_carries_its_facts_machine_readably() {
    let (_, page) = get_text(&format!("/plan/result?{FULL}")).await;
    assert!(page.contains("<article class=\"plan\" data-outcome=\"employee-to-employee\" data-covered-now=\"new\" data-gap-months=\"0\" data-waiting=\"none\">"));
    assert!(page.contains("<ol class=\"steps\" id=\"steps\">"));
    let (_, page) = get_text("/plan/result?scheme=resident&from=440300&to=430100&target=resident&stopped=2025-12&joined=no&channel=online").await;
    assert!(page.contains("data-outcome=\"resident-to-resident\" data-covered-now=\"none\""));
    assert!(page.contains("data-waiting=\"possible\" data-waiting-months=\"3\""));
    assert!(page.contains("你现在没有参保"));
    assert!(page.contains("id=\"key-date-enrol\""));
    let (_, page) =
        get_text("/plan/result?scheme=employee&status=working&from=440300&to=430100&target=keep")
            .await;
    assert!(page.contains("data-outcome=\"keep-and-file\""));
    assert!(page.contains("常驻异地工作人员"));
}

#[tokio::test]
async fn every_outcome_renders_and_links_only_to_existing_pages() {
    let lib = crate::helpers::library();
    let cases = [
        "scheme=unknown",
        "scheme=employee&status=working&from=440300&to=440300",
        "scheme=employee&status=retired&from=440300&to=430100&stay=long",
        "scheme=flexible&status=retired&from=440300&to=430100&stay=temporary",
        "scheme=employee&status=left&from=440300&to=430100&target=undecided",
        "scheme=flexible&status=working&from=440300&to=430100&target=keep",
        FULL,
        "scheme=flexible&status=left&from=440300&to=440100&target=resident&stopped=2026-05&joined=no&channel=offline",
        "scheme=resident&from=430100&to=440300&target=flexible&stopped=no&joined=2027-01&channel=online",
        "scheme=resident&from=430100&to=440300&target=resident&stopped=no&joined=no&channel=offline",
    ];
    for q in cases {
        let (status, page) = get_text(&format!("/plan/result?{q}")).await;
        assert_eq!(status, 200, "{q}");
        for href in page
            .split("href=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
        {
            if let Some(slug) = href.strip_prefix("/guides/").filter(|s| !s.is_empty()) {
                assert!(lib.guide(slug).is_some(), "{q}: guide {slug}");
            }
            if let Some(slug) = href.strip_prefix("/faq/").filter(|s| !s.is_empty()) {
                assert!(lib.faq(slug).is_some(), "{q}: faq {slug}");
            }
        }
        assert!(page.contains("政策依据"), "{q}");
        assert!(
            page.contains("<article class=\"plan\" data-outcome=\""),
            "{q}"
        );
    }
}

#[test]
fn every_page_the_plan_links_exists() {
    // The slugs are typed in src/plan/links.rs and checked at start-up; this is the same check.
    let lib = crate::helpers::library();
    assert_eq!(yibao::plan::links::missing(lib), Vec::<String>::new());
}

fn arb_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("employee".to_string()),
        Just("flexible".to_string()),
        Just("resident".to_string()),
        Just("unknown".to_string()),
        Just("working".to_string()),
        Just("left".to_string()),
        Just("retired".to_string()),
        Just("long".to_string()),
        Just("temporary".to_string()),
        Just("undecided".to_string()),
        Just("keep".to_string()),
        Just("2026-10".to_string()),
        Just("2027-01".to_string()),
        Just("no".to_string()),
        Just("online".to_string()),
        Just("offline".to_string()),
        Just("440300".to_string()),
        Just("430100".to_string()),
        Just("110000".to_string()),
        Just("2026-09".to_string()),
        Just("2026-12-24".to_string()),
        "[0-9]{1,8}",
        "[0-9]{4}-[0-9]{1,2}(-[0-9]{1,2})?",
        ".{0,20}",
        "%[0-9A-F]{2}%[0-9A-F]{2}",
    ]
}

fn arb_key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("scheme"),
        Just("status"),
        Just("from"),
        Just("to"),
        Just("stay"),
        Just("target"),
        Just("stopped"),
        Just("joined"),
        Just("channel"),
        Just("start"),
        Just("go"),
        Just("x"),
    ]
    .prop_map(String::from)
}

fn encode(s: &str) -> String {
    // Keep %XX sequences as they are (to send raw bytes, invalid UTF-8 included); encode the rest.
    if s.starts_with('%') {
        return s.to_string();
    }
    yibao::web::layout::url_encode(s)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn random_answer_mixes_never_get_a_5xx(
        page in prop_oneof![Just("/plan/result"), Just("/plan/result.ics"), Just("/plan/qr.svg"), Just("/plan/scheme"), Just("/plan/from"), Just("/plan/stopped"), Just("/plan/joined"), Just("/plan/channel"), Just("/plan/nope")],
        pairs in proptest::collection::vec((arb_key(), arb_value()), 0..10),
    ) {
        let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
        let path = format!("{page}?{}", q.join("&"));
        let status = RT.block_on(async { get(&path).await.status().as_u16() });
        prop_assert!(status < 500, "{} → {}", path, status);
        prop_assert!([200, 303, 400, 404].contains(&status), "{} → {}", path, status);
    }
}

static RT: std::sync::LazyLock<tokio::runtime::Runtime> = std::sync::LazyLock::new(|| {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
});

#[tokio::test]
async fn residents_are_asked_about_their_covered_month_in_their_own_words() {
    let (status, page) =
        get_text("/plan/stopped?scheme=resident&from=430100&to=440300&target=resident").await;
    assert_eq!(status, 200);
    assert!(page.contains("居民医保保障到哪个月"));
    let (_, page) = get_text(
        "/plan/stopped?scheme=employee&status=working&from=430100&to=440300&target=employee",
    )
    .await;
    assert!(page.contains("最后缴到哪个月"));
}

fn arb_month() -> impl Strategy<Value = String> {
    // Months around the fixed today (2026-11-25), and "no".
    prop_oneof![
        Just("no".to_string()),
        (2024i32..=2027, 1u32..=12).prop_map(|(y, m)| format!("{y}-{m:02}")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]
    /// No page and no calendar file dates an application before the person joined the new
    /// place (or before the old cover ended).
    #[test]
    fn no_application_is_dated_before_joining(
        scheme in prop_oneof![Just("employee"), Just("flexible"), Just("resident")],
        target in prop_oneof![Just("employee"), Just("flexible"), Just("resident")],
        stopped in arb_month(),
        joined in arb_month(),
        start in proptest::option::of((0i64..500).prop_map(|d| today() - chrono::Duration::days(200) + chrono::Duration::days(d))),
    ) {
        let status = if scheme == "resident" { "" } else { "&status=working" };
        let mut q = format!("scheme={scheme}{status}&from=440300&to=430100&target={target}&stopped={stopped}&joined={joined}&channel=online");
        if let Some(s) = start {
            q.push_str(&format!("&start={s}"));
        }
        let (code, page) = RT.block_on(async { get_text(&format!("/plan/result?{q}")).await });
        prop_assert!(code == 200 || code == 400, "{} → {}", q, code);
        let apply = page
            .split("<li id=\"key-date-apply\"><time datetime=\"")
            .nth(1)
            .map(|s| s[..10].to_string());
        let first_joined = (joined != "no").then(|| format!("{joined}-01"));
        match (&apply, &first_joined) {
            (Some(a), Some(j)) => prop_assert!(a >= j, "{}: applies {} before joining {}", q, a, j),
            (Some(a), None) => prop_assert!(false, "{}: applies {} without joining", q, a),
            _ => {}
        }
        if let (Some(a), Some(s), 200) = (&apply, start, code) {
            prop_assert_eq!(a, &s.to_string());
        }
        let ics = RT.block_on(async {
            let r = get(&format!("/plan/result.ics?{q}")).await;
            (r.status().as_u16(), r.text().await.unwrap_or_default())
        });
        if ics.0 == 200 {
            let apply_event = ics.1.split("BEGIN:VEVENT").find(|e| e.contains("UID:key-date-apply"));
            match (apply_event, &first_joined) {
                (Some(e), Some(j)) => {
                    let day = e.split("DTSTART;VALUE=DATE:").nth(1).map(|d| d[..8].to_string()).unwrap_or_default();
                    prop_assert!(day >= j.replace('-', ""), "{}: .ics applies {} before joining {}", q, day, j);
                }
                (Some(_), None) => prop_assert!(false, "{}: .ics applies without joining", q),
                _ => {}
            }
        }
    }

    /// Any valid answers survive the URL round trip: parse(query(a)) == a.
    #[test]
    fn valid_answers_survive_the_url_round_trip(
        scheme in prop_oneof![Just("employee"), Just("flexible"), Just("resident"), Just("unknown")],
        status in prop_oneof![Just("working"), Just("left"), Just("retired")],
        from in prop_oneof![Just("440300"), Just("430100"), Just("110000"), Just("350200")],
        to in prop_oneof![Just("440300"), Just("440100"), Just("500000")],
        target in prop_oneof![Just("employee"), Just("flexible"), Just("resident"), Just("undecided"), Just("keep")],
        stopped in arb_month(),
        joined in arb_month(),
    ) {
        let regions = yibao::plan::PlanFiles::load(&repo("content/data")).unwrap().regions;
        let pairs: Vec<(String, String)> = [("scheme", scheme), ("status", status), ("from", from), ("to", to), ("target", target), ("stopped", &stopped), ("joined", &joined), ("channel", "offline")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let a = yibao::plan::answers::parse(&pairs, &regions, today());
        // Months the form refuses (e.g. stopped more than a year ahead) are not valid answers.
        prop_assume!(a.errors.is_empty());
        let q = a.answers.query();
        let back: Vec<(String, String)> = q.split('&').filter(|s| !s.is_empty()).map(|kv| { let (k, v) = kv.split_once('=').unwrap(); (k.to_string(), v.to_string()) }).collect();
        let b = yibao::plan::answers::parse(&back, &regions, today());
        prop_assert_eq!(&b.answers, &a.answers);
        prop_assert!(b.errors.is_empty(), "{:?}", b.errors);
    }
}
