//! The answers of the guided form, parsed once from the query string into domain types
//! ("parse, don't validate"). The key names and values are a stable URL contract
//! (design/plan.md): other programs and saved links rely on them.

use super::regions::{RegionCode, Regions};
use chrono::{Datelike, NaiveDate};

/// 参保类型: which scheme the person is in now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// 职工医保（单位缴费）
    Employee,
    /// 职工医保（灵活就业个人缴费）
    Flexible,
    /// 城乡居民医保（含原新农合、学生、少儿）
    Resident,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Working,
    Left,
    Retired,
}

/// How a retiree lives away from the insured place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stay {
    Long,
    Temporary,
}

/// What the person will join at the new place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Employee,
    Flexible,
    Resident,
    Undecided,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    Online,
    Offline,
}

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    pub fn of(d: NaiveDate) -> YearMonth {
        YearMonth {
            year: d.year(),
            month: d.month(),
        }
    }
    pub fn plus(self, months: i32) -> YearMonth {
        let idx = self.year * 12 + self.month as i32 - 1 + months;
        YearMonth {
            year: idx.div_euclid(12),
            month: (idx.rem_euclid(12) + 1) as u32,
        }
    }
    /// Whole months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i32 {
        (later.year - self.year) * 12 + later.month as i32 - self.month as i32
    }
    pub fn last_day(self) -> NaiveDate {
        let next = self.plus(1);
        NaiveDate::from_ymd_opt(next.year, next.month, 1).expect("valid month")
            - chrono::Duration::days(1)
    }
    pub fn cn(self) -> String {
        format!("{}年{}月", self.year, self.month)
    }
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// 原参保地最后缴费的月份, or not stopped yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stopped {
    Month(YearMonth),
    No,
}

/// The keys of the form, in the order of the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Scheme,
    Status,
    From,
    To,
    Stay,
    Target,
    Stopped,
    Channel,
}

impl Key {
    pub const ALL: [Key; 8] = [
        Key::Scheme,
        Key::Status,
        Key::From,
        Key::To,
        Key::Stay,
        Key::Target,
        Key::Stopped,
        Key::Channel,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Key::Scheme => "scheme",
            Key::Status => "status",
            Key::From => "from",
            Key::To => "to",
            Key::Stay => "stay",
            Key::Target => "target",
            Key::Stopped => "stopped",
            Key::Channel => "channel",
        }
    }
    pub fn from_name(s: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// Typed answers. `None` = not answered (or not asked on this route).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    pub scheme: Option<Scheme>,
    pub status: Option<Status>,
    pub from: Option<RegionCode>,
    pub to: Option<RegionCode>,
    pub stay: Option<Stay>,
    pub target: Option<Target>,
    pub stopped: Option<Stopped>,
    pub channel: Option<Channel>,
    /// The day they will apply (`start`), only on the plan page.
    pub start: Option<NaiveDate>,
}

/// An answer that could not be read: which key, what was typed, and why (in Chinese).
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerError {
    /// `None` for `start`.
    pub key: Option<Key>,
    pub raw: String,
    pub message: String,
}

/// The options of a choice question: (URL value, label, hint).
pub type Choice = (&'static str, &'static str, &'static str);

pub const SCHEME_OPTIONS: [Choice; 4] = [
    (
        "employee",
        "职工医保（单位缴费）",
        "在单位上班，工资里扣医疗保险",
    ),
    (
        "flexible",
        "职工医保（灵活就业个人缴费）",
        "个体户、自由职业等，自己按职工医保缴费",
    ),
    (
        "resident",
        "城乡居民医保",
        "含原来的新农合、学生和少儿医保，一般按年缴费",
    ),
    ("unknown", "不确定", "我们告诉你怎么查"),
];
pub const STATUS_OPTIONS: [Choice; 3] = [
    (
        "working",
        "在职，或即将到新单位上班",
        "包括灵活就业、还在继续缴费的",
    ),
    ("left", "已离职，暂时没有工作", ""),
    ("retired", "已退休，并享受退休人员医保待遇", ""),
];
pub const STAY_OPTIONS: [Choice; 2] = [
    ("long", "长期在外地居住", "例如随子女养老、回老家定居"),
    ("temporary", "临时外出就医", "例如去外地看病、旅游期间生病"),
];
pub const TARGET_OPTIONS: [Choice; 4] = [
    (
        "employee",
        "职工医保（新单位缴费）",
        "到新单位上班，由单位参保",
    ),
    (
        "flexible",
        "职工医保（灵活就业个人缴费）",
        "自己以灵活就业身份缴职工医保",
    ),
    ("resident", "城乡居民医保", "在新地方参加居民医保"),
    ("undecided", "还没想好", "我们把两种选择放在一起比较"),
];
pub const CHANNEL_OPTIONS: [Choice; 2] = [
    (
        "online",
        "线上办理",
        "用国家医保服务平台 APP 或网上服务大厅，一般不用纸质参保凭证",
    ),
    (
        "offline",
        "到窗口办理",
        "到转出地或转入地的医保经办窗口，带上参保凭证等材料",
    ),
];

fn choice<T: Copy>(raw: &str, values: &[(&str, T)], message: &str) -> Result<T, String> {
    values
        .iter()
        .find(|(v, _)| *v == raw)
        .map(|(_, t)| *t)
        .ok_or_else(|| message.to_string())
}

/// Reads `YYYY-MM` (also `YYYY-M`, `YYYY/MM`, `YYYY.MM`, `YYYY年M月`).
pub fn parse_month(raw: &str) -> Option<YearMonth> {
    let s = raw.trim().trim_end_matches('月');
    let (y, m) = s
        .split_once(['-', '/', '.', '年'])
        .filter(|(y, m)| y.len() == 4 && (1..=2).contains(&m.len()))?;
    if !y.bytes().all(|b| b.is_ascii_digit()) || !m.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, month) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12)
        .contains(&month)
        .then_some(YearMonth { year, month })
}

/// Reads `YYYY-MM-DD` (also with `/`, `.` or `年月日`).
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim().trim_end_matches('日');
    let parts: Vec<&str> = s.split(['-', '/', '.', '年', '月']).collect();
    let [y, m, d] = parts[..] else { return None };
    if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    if ![y, m, d]
        .iter()
        .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Parses one key's value. `today` bounds the dates a person may give.
pub fn parse_value(
    key: Key,
    raw: &str,
    regions: &Regions,
    today: NaiveDate,
    answers: &mut Answers,
) -> Result<(), String> {
    let v = raw.trim();
    match key {
        Key::Scheme => {
            answers.scheme = Some(choice(
                v,
                &[
                    ("employee", Scheme::Employee),
                    ("flexible", Scheme::Flexible),
                    ("resident", Scheme::Resident),
                    ("unknown", Scheme::Unknown),
                ],
                "请选择你现在参加的医保类型。",
            )?)
        }
        Key::Status => {
            answers.status = Some(choice(
                v,
                &[
                    ("working", Status::Working),
                    ("left", Status::Left),
                    ("retired", Status::Retired),
                ],
                "请选择你现在的情况。",
            )?)
        }
        Key::From => answers.from = Some(regions.parse_code(v)?),
        Key::To => answers.to = Some(regions.parse_code(v)?),
        Key::Stay => {
            answers.stay = Some(choice(
                v,
                &[("long", Stay::Long), ("temporary", Stay::Temporary)],
                "请选择你在外地是长期居住还是临时就医。",
            )?)
        }
        Key::Target => {
            answers.target = Some(choice(
                v,
                &[
                    ("employee", Target::Employee),
                    ("flexible", Target::Flexible),
                    ("resident", Target::Resident),
                    ("undecided", Target::Undecided),
                ],
                "请选择你在新地方打算参加哪种医保。",
            )?)
        }
        Key::Stopped => {
            answers.stopped = Some(if v == "no" {
                Stopped::No
            } else {
                let m = parse_month(v).ok_or(
                    "请按“年-月”填写最后缴费的月份，例如 2026-03；还没停保请选“还没停保”。",
                )?;
                let now = YearMonth::of(today);
                if m > now.plus(12) {
                    return Err("最后缴费月份不能晚于一年以后，请检查年份。".into());
                }
                if m < now.plus(-12 * 30) {
                    return Err("最后缴费月份太早了，请检查年份。".into());
                }
                Stopped::Month(m)
            })
        }
        Key::Channel => {
            answers.channel = Some(choice(
                v,
                &[("online", Channel::Online), ("offline", Channel::Offline)],
                "请选择线上办理还是到窗口办理。",
            )?)
        }
    }
    Ok(())
}

/// The result of reading a query string: the valid answers, the raw text of each key (to
/// keep what the person typed), and every error, in flow order.
#[derive(Debug, Default)]
pub struct Parsed {
    pub answers: Answers,
    pub raw: Vec<(Key, String)>,
    pub raw_start: Option<String>,
    pub errors: Vec<AnswerError>,
}

impl Parsed {
    pub fn raw(&self, key: Key) -> Option<&str> {
        self.raw
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
    pub fn error(&self, key: Key) -> Option<&AnswerError> {
        self.errors.iter().find(|e| e.key == Some(key))
    }
}

/// Values longer than this are refused (and not echoed back in full).
pub const MAX_VALUE: usize = 40;

/// Reads the form's keys from decoded query pairs. Unknown keys are ignored; an empty value
/// is "not answered"; one key given two different values is an error.
pub fn parse(pairs: &[(String, String)], regions: &Regions, today: NaiveDate) -> Parsed {
    let mut p = Parsed::default();
    let mut seen: Vec<(Option<Key>, String)> = Vec::new();
    for (k, v) in pairs {
        let key = match (Key::from_name(k), k.as_str()) {
            (Some(key), _) => Some(key),
            (None, "start") => None,
            _ => continue,
        };
        if v.trim().is_empty() {
            continue;
        }
        if let Some((_, first)) = seen.iter().find(|(sk, _)| *sk == key) {
            // The form's "还没停保" button sends stopped=no after the month field: the
            // button the person pressed wins.
            if key == Some(Key::Stopped) && v == "no" {
                p.answers.stopped = Some(Stopped::No);
                p.errors.retain(|e| e.key != Some(Key::Stopped));
                continue;
            }
            if first != v {
                p.errors.push(AnswerError {
                    key,
                    raw: first.clone(),
                    message: "这个问题收到了两个不同的答案，请重新选择一个。".into(),
                });
            }
            continue;
        }
        seen.push((key, v.clone()));
        let shown: String = v.chars().take(MAX_VALUE).collect();
        match key {
            Some(key) => p.raw.push((key, shown.clone())),
            None => p.raw_start = Some(shown.clone()),
        }
        let result = if v.chars().count() > MAX_VALUE {
            Err("填写的内容太长了，请重新填写。".to_string())
        } else {
            match key {
                Some(key) => parse_value(key, v, regions, today, &mut p.answers),
                None => match parse_date(v) {
                    Some(d) if d < today - chrono::Duration::days(366) => {
                        Err("办理日期不能早于一年前。".into())
                    }
                    Some(d) if d > today + chrono::Duration::days(731) => {
                        Err("办理日期不能晚于两年后。".into())
                    }
                    Some(d) => {
                        p.answers.start = Some(d);
                        Ok(())
                    }
                    None => Err("请按“年-月-日”填写日期，例如 2026-12-01。".into()),
                },
            }
        };
        if let Err(message) = result {
            p.errors.push(AnswerError {
                key,
                raw: shown,
                message,
            });
        }
    }
    // A key with an error is not an answer.
    for e in &p.errors {
        if let Some(k) = e.key {
            clear(&mut p.answers, k);
        } else {
            p.answers.start = None;
        }
    }
    p.errors
        .sort_by_key(|e| e.key.map_or(usize::MAX, |k| k as usize));
    p
}

pub fn clear(a: &mut Answers, key: Key) {
    match key {
        Key::Scheme => a.scheme = None,
        Key::Status => a.status = None,
        Key::From => a.from = None,
        Key::To => a.to = None,
        Key::Stay => a.stay = None,
        Key::Target => a.target = None,
        Key::Stopped => a.stopped = None,
        Key::Channel => a.channel = None,
    }
}

/// The URL value of an answer (the inverse of `parse_value`).
pub fn value_of(a: &Answers, key: Key) -> Option<String> {
    let pick = |opts: &[Choice], i: usize| opts[i].0.to_string();
    Some(match key {
        Key::Scheme => pick(&SCHEME_OPTIONS, a.scheme? as usize),
        Key::Status => pick(&STATUS_OPTIONS, a.status? as usize),
        Key::From => format!("{:06}", a.from?.0),
        Key::To => format!("{:06}", a.to?.0),
        Key::Stay => pick(&STAY_OPTIONS, a.stay? as usize),
        Key::Target => pick(&TARGET_OPTIONS, a.target? as usize),
        Key::Stopped => match a.stopped? {
            Stopped::No => "no".to_string(),
            Stopped::Month(m) => m.iso(),
        },
        Key::Channel => pick(&CHANNEL_OPTIONS, a.channel? as usize),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions() -> Regions {
        Regions::parse(include_str!("../../content/data/regions.csv")).unwrap()
    }
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }
    fn pairs(s: &[(&str, &str)]) -> Vec<(String, String)> {
        s.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn months_are_read_leniently_and_strictly_checked() {
        let ym = |y, m| Some(YearMonth { year: y, month: m });
        assert_eq!(parse_month("2026-03"), ym(2026, 3));
        assert_eq!(parse_month("2026-3"), ym(2026, 3));
        assert_eq!(parse_month("2026/03"), ym(2026, 3));
        assert_eq!(parse_month("2026年3月"), ym(2026, 3));
        for bad in [
            "2026-13",
            "2026-00",
            "26-03",
            "2026",
            "2026-03-01",
            "abcd-ef",
            "2026-+3",
            "２０２６-03",
        ] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_are_read_leniently_and_strictly_checked() {
        assert_eq!(
            parse_date("2026-12-01"),
            NaiveDate::from_ymd_opt(2026, 12, 1)
        );
        assert_eq!(
            parse_date("2026年12月1日"),
            NaiveDate::from_ymd_opt(2026, 12, 1)
        );
        assert_eq!(parse_date("2026/2/9"), NaiveDate::from_ymd_opt(2026, 2, 9));
        for bad in ["2026-02-30", "2026-13-01", "2026-12", "x", "2026-12-01-01"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn month_arithmetic() {
        let m = YearMonth {
            year: 2026,
            month: 11,
        };
        assert_eq!(
            m.plus(3),
            YearMonth {
                year: 2027,
                month: 2
            }
        );
        assert_eq!(
            m.plus(-11),
            YearMonth {
                year: 2025,
                month: 12
            }
        );
        assert_eq!(
            m.months_until(YearMonth {
                year: 2027,
                month: 2
            }),
            3
        );
        assert_eq!(
            YearMonth {
                year: 2028,
                month: 2
            }
            .last_day(),
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()
        );
    }

    #[test]
    fn parses_a_full_set_and_round_trips() {
        let p = parse(
            &pairs(&[
                ("scheme", "employee"),
                ("status", "working"),
                ("from", "440300"),
                ("to", "430100"),
                ("target", "employee"),
                ("stopped", "2026-09"),
                ("channel", "online"),
                ("utm", "ignored"),
            ]),
            &regions(),
            today(),
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.answers.scheme, Some(Scheme::Employee));
        assert_eq!(
            value_of(&p.answers, Key::Stopped).as_deref(),
            Some("2026-09")
        );
        for k in [
            Key::Scheme,
            Key::Status,
            Key::From,
            Key::To,
            Key::Target,
            Key::Channel,
        ] {
            assert_eq!(value_of(&p.answers, k).as_deref(), p.raw(k), "{k:?}");
        }
    }

    #[test]
    fn invalid_values_become_errors_and_keep_the_rest() {
        let p = parse(
            &pairs(&[
                ("scheme", "employee"),
                ("from", "999999"),
                ("stopped", "2026-13"),
                ("start", "2026-02-30"),
            ]),
            &regions(),
            today(),
        );
        assert_eq!(p.answers.scheme, Some(Scheme::Employee));
        assert_eq!(p.answers.from, None);
        assert_eq!(p.errors.len(), 3);
        assert_eq!(p.errors[0].key, Some(Key::From));
        assert_eq!(p.raw(Key::Stopped), Some("2026-13"));
        assert_eq!(p.raw_start.as_deref(), Some("2026-02-30"));
    }

    #[test]
    fn repeated_keys_with_different_values_are_errors() {
        let p = parse(
            &pairs(&[("scheme", "employee"), ("scheme", "resident")]),
            &regions(),
            today(),
        );
        assert_eq!(p.answers.scheme, None);
        assert_eq!(p.errors.len(), 1);
        let p = parse(
            &pairs(&[
                ("scheme", "employee"),
                ("scheme", "employee"),
                ("stopped", ""),
                ("stopped", "no"),
            ]),
            &regions(),
            today(),
        );
        assert!(p.errors.is_empty());
        assert_eq!(p.answers.stopped, Some(Stopped::No));
    }

    #[test]
    fn far_dates_are_refused() {
        for (k, v) in [
            ("stopped", "2099-01"),
            ("stopped", "1960-01"),
            ("start", "2030-01-01"),
            ("start", "2020-01-01"),
        ] {
            let p = parse(&pairs(&[(k, v)]), &regions(), today());
            assert_eq!(p.errors.len(), 1, "{k}={v}");
        }
    }

    #[test]
    fn long_values_are_refused_and_truncated() {
        let long = "x".repeat(10_000);
        let p = parse(&pairs(&[("scheme", &long)]), &regions(), today());
        assert_eq!(p.errors[0].raw.chars().count(), MAX_VALUE);
    }
}
