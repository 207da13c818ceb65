//! The answers of the guided form and the URL contract (design/plan.md "The answers are the
//! URL"): every key, its values, labels and hints are written once here and used by parsing,
//! by building URLs, by the question pages, by the plan and by the tests. Answers are parsed
//! once at the edge into domain types ("parse, don't validate").

use super::regions::{RegionCode, Regions};
use chrono::{Datelike, NaiveDate};

/// One option of a choice question: its URL value, label, hint, and typed value.
#[derive(Debug, Clone, Copy)]
pub struct Choice<T: 'static> {
    pub value: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub typed: T,
}

const fn opt<T>(
    value: &'static str,
    label: &'static str,
    hint: &'static str,
    typed: T,
) -> Choice<T> {
    Choice {
        value,
        label,
        hint,
        typed,
    }
}

/// A closed set of values that travels in the URL.
pub trait ChoiceValue: Copy + PartialEq + 'static {
    const OPTIONS: &'static [Choice<Self>];
    fn parse(raw: &str) -> Option<Self> {
        Self::OPTIONS
            .iter()
            .find(|o| o.value == raw)
            .map(|o| o.typed)
    }
    fn choice(self) -> &'static Choice<Self> {
        Self::OPTIONS
            .iter()
            .find(|o| o.typed == self)
            .expect("every value has an option")
    }
    fn value(self) -> &'static str {
        self.choice().value
    }
    fn label(self) -> &'static str {
        self.choice().label
    }
}

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

impl ChoiceValue for Scheme {
    const OPTIONS: &'static [Choice<Self>] = &[
        opt(
            "employee",
            "职工医保（单位缴费）",
            "在单位上班，工资里扣医疗保险",
            Scheme::Employee,
        ),
        opt(
            "flexible",
            "职工医保（灵活就业个人缴费）",
            "个体户、自由职业等，自己按职工医保缴费",
            Scheme::Flexible,
        ),
        opt(
            "resident",
            "城乡居民医保",
            "含原来的新农合、学生和少儿医保，一般按年缴费；老人、孩子多是这一种",
            Scheme::Resident,
        ),
        opt("unknown", "不确定", "我们告诉你怎么查", Scheme::Unknown),
    ];
}

impl Scheme {
    /// 职工医保, paid by an employer or by the person as a flexible worker.
    pub fn is_employee_side(self) -> bool {
        matches!(self, Scheme::Employee | Scheme::Flexible)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Working,
    Left,
    Retired,
}

impl ChoiceValue for Status {
    const OPTIONS: &'static [Choice<Self>] = &[
        opt(
            "working",
            "在职，或即将到新单位上班",
            "包括灵活就业、还在继续缴费的",
            Status::Working,
        ),
        opt(
            "left",
            "已离职，暂时没有工作",
            "包括正在领失业保险金的",
            Status::Left,
        ),
        opt(
            "retired",
            "已退休，并享受退休人员医保待遇",
            "只指职工医保的退休人员；参加居民医保的老人请在上一题选“城乡居民医保”",
            Status::Retired,
        ),
    ];
}

/// How a retiree lives away from the insured place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stay {
    Long,
    Temporary,
}

impl ChoiceValue for Stay {
    const OPTIONS: &'static [Choice<Self>] = &[
        opt(
            "long",
            "长期在外地居住",
            "例如随子女养老、回户籍地定居",
            Stay::Long,
        ),
        opt(
            "temporary",
            "临时外出就医",
            "例如去外地看病、旅游期间生病",
            Stay::Temporary,
        ),
    ];
}

/// What the person will join at the new place, or `Keep`: join nothing there, keep the
/// insurance where it is and file for treatment at the new place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Employee,
    Flexible,
    Resident,
    Undecided,
    Keep,
}

impl ChoiceValue for Target {
    const OPTIONS: &'static [Choice<Self>] = &[
        opt(
            "employee",
            "职工医保（新单位缴费）",
            "到新单位上班，由单位参保",
            Target::Employee,
        ),
        opt(
            "flexible",
            "职工医保（灵活就业个人缴费）",
            "自己以灵活就业身份缴职工医保",
            Target::Flexible,
        ),
        opt(
            "resident",
            "城乡居民医保",
            "在新地方参加居民医保",
            Target::Resident,
        ),
        opt(
            "keep",
            "不在新地方参保，医保留在原参保地",
            "继续在原参保地参保，在新地方看病办理异地就医备案",
            Target::Keep,
        ),
        opt(
            "undecided",
            "还没想好",
            "我们把几种选择放在一起比较",
            Target::Undecided,
        ),
    ];
}

impl Target {
    /// The `keep` option in the person's own situation (design/plan.md, key `target`).
    pub fn keep_label(
        scheme: Option<Scheme>,
        status: Option<Status>,
    ) -> (&'static str, &'static str) {
        match (scheme, status) {
            (Some(Scheme::Employee), Some(Status::Working)) => (
                "单位派我去外地工作，医保留在原单位",
                "由原单位继续缴费，在工作地看病办理“常驻异地工作人员”备案",
            ),
            (Some(Scheme::Employee), _) => (
                "继续在原参保地参保（例如改按灵活就业缴费）",
                "不在新地方参保，在新地方看病办理异地就医备案",
            ),
            (Some(Scheme::Flexible), _) => (
                "继续在原参保地按灵活就业缴费",
                "不在新地方参保，在新地方看病办理“异地长期居住人员”备案",
            ),
            _ => (
                "继续在原参保地交居民医保",
                "不在新地方参保，在新地方看病办理“异地长期居住人员”备案",
            ),
        }
    }
    /// Joins 职工医保 at the new place (by an employer or as a flexible worker).
    pub fn is_employee_side(self) -> bool {
        matches!(self, Target::Employee | Target::Flexible)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    Online,
    Offline,
}

impl ChoiceValue for Channel {
    const OPTIONS: &'static [Choice<Self>] = &[
        opt(
            "online",
            "线上办理",
            "用国家医保服务平台 APP 或网上服务大厅，一般不用纸质参保凭证",
            Channel::Online,
        ),
        opt(
            "offline",
            "到窗口办理",
            "到转出地或转入地的医保经办窗口，带上参保凭证等材料",
            Channel::Offline,
        ),
    ];
}

/// A calendar month, `YYYY-MM`. Only valid months can be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// `None` unless `month` is 1–12 and the year has four digits.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month))
            .then_some(YearMonth { year, month })
    }
    pub fn of(d: NaiveDate) -> YearMonth {
        YearMonth {
            year: d.year(),
            month: d.month(),
        }
    }
    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u32 {
        self.month
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
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("valid month")
    }
    pub fn last_day(self) -> NaiveDate {
        self.plus(1).first_day() - chrono::Duration::days(1)
    }
    /// `2026年3月`
    pub fn cn(self) -> String {
        format!("{}年{}月", self.year, self.month)
    }
    /// `2026-03`
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// `stopped`: the last month paid (or, for residents, covered) at the old place, or `No`:
/// still paying there (employee side) / covered through December of this year (residents).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stopped {
    Month(YearMonth),
    No,
}

/// `joined`: the first month paid (or agreed, or a resident's cover start) at the new place,
/// or `No`: not insured there yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Joined {
    Month(YearMonth),
    No,
}

/// The keys of the form, in the order of the flow (and of the URL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Scheme,
    Status,
    From,
    To,
    Stay,
    Target,
    Stopped,
    Joined,
    Channel,
}

impl Key {
    pub const ALL: [Key; 9] = [
        Key::Scheme,
        Key::Status,
        Key::From,
        Key::To,
        Key::Stay,
        Key::Target,
        Key::Stopped,
        Key::Joined,
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
            Key::Joined => "joined",
            Key::Channel => "channel",
        }
    }
    pub fn from_name(s: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.name() == s)
    }
    /// The `no` value of a month question (`stopped=no`, `joined=no`).
    pub fn is_month(self) -> bool {
        matches!(self, Key::Stopped | Key::Joined)
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
    pub joined: Option<Joined>,
    pub channel: Option<Channel>,
    /// The day they will apply (`start`), only on the plan page.
    pub start: Option<NaiveDate>,
}

impl Answers {
    /// Forgets the answer to `key`.
    pub fn clear(&mut self, key: Key) {
        match key {
            Key::Scheme => self.scheme = None,
            Key::Status => self.status = None,
            Key::From => self.from = None,
            Key::To => self.to = None,
            Key::Stay => self.stay = None,
            Key::Target => self.target = None,
            Key::Stopped => self.stopped = None,
            Key::Joined => self.joined = None,
            Key::Channel => self.channel = None,
        }
    }

    /// The URL value of an answer (the inverse of [`parse_value`]).
    pub fn value(&self, key: Key) -> Option<String> {
        let month = |m: Option<Option<YearMonth>>| {
            m.map(|m| m.map_or_else(|| "no".to_string(), YearMonth::iso))
        };
        match key {
            Key::Scheme => self.scheme.map(|v| v.value().to_string()),
            Key::Status => self.status.map(|v| v.value().to_string()),
            Key::From => self.from.map(|c| c.to_string()),
            Key::To => self.to.map(|c| c.to_string()),
            Key::Stay => self.stay.map(|v| v.value().to_string()),
            Key::Target => self.target.map(|v| v.value().to_string()),
            Key::Stopped => month(self.stopped.map(|s| match s {
                Stopped::Month(m) => Some(m),
                Stopped::No => None,
            })),
            Key::Joined => month(self.joined.map(|s| match s {
                Joined::Month(m) => Some(m),
                Joined::No => None,
            })),
            Key::Channel => self.channel.map(|v| v.value().to_string()),
        }
    }

    /// The canonical query string: the answers in flow order, then `start`
    /// (`scheme=employee&status=working…`). Values are URL-safe by construction.
    pub fn query(&self) -> String {
        let mut parts: Vec<String> = Key::ALL
            .iter()
            .filter_map(|k| self.value(*k).map(|v| format!("{}={v}", k.name())))
            .collect();
        if let Some(s) = self.start {
            parts.push(format!("start={}", s.format("%Y-%m-%d")));
        }
        parts.join("&")
    }
}

/// An answer that could not be read: which key, what was typed, and why (in Chinese).
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerError {
    /// `None` for `start`.
    pub key: Option<Key>,
    pub raw: String,
    pub message: String,
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
    YearMonth::new(y.parse().ok()?, m.parse().ok()?)
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

/// How far from today a month answer may be: a month in the far past or future is a typo.
const MONTHS_BACK: i32 = 12 * 30;
const STOPPED_AHEAD: i32 = 12;
/// A resident may give next year's cover start; an employee the month a new job starts.
const JOINED_AHEAD: i32 = 13;

fn month_answer(
    v: &str,
    today: NaiveDate,
    ahead: i32,
    what: &str,
    example: &str,
    no_button: &str,
) -> Result<Option<YearMonth>, String> {
    if v == "no" {
        return Ok(None);
    }
    let m = parse_month(v).ok_or(format!(
        "请按“年-月”填写{what}，例如 {example}；{no_button}"
    ))?;
    let now = YearMonth::of(today);
    if m > now.plus(ahead) {
        return Err(format!(
            "{what}不能晚于{}，请检查年份。",
            now.plus(ahead).cn()
        ));
    }
    if m < now.plus(-MONTHS_BACK) {
        return Err(format!("{what}太早了，请检查年份。"));
    }
    Ok(Some(m))
}

/// Parses one key's value into `answers`, or says in Chinese what is wrong. `today` bounds
/// the months a person may give.
pub fn parse_value(
    key: Key,
    raw: &str,
    regions: &Regions,
    today: NaiveDate,
    answers: &mut Answers,
) -> Result<(), String> {
    let v = raw.trim();
    fn pick<T: ChoiceValue>(v: &str, message: &str) -> Result<T, String> {
        T::parse(v).ok_or_else(|| message.to_string())
    }
    match key {
        Key::Scheme => answers.scheme = Some(pick(v, "请选择你现在参加的医保类型。")?),
        Key::Status => answers.status = Some(pick(v, "请选择你现在的情况。")?),
        Key::From => answers.from = Some(regions.parse_code(v)?),
        Key::To => answers.to = Some(regions.parse_code(v)?),
        Key::Stay => answers.stay = Some(pick(v, "请选择你在外地是长期居住还是临时就医。")?),
        Key::Target => answers.target = Some(pick(v, "请选择你在新地方打算参加哪种医保。")?),
        Key::Stopped => {
            let m = month_answer(
                v,
                today,
                STOPPED_AHEAD,
                "最后缴费（或保障到）的月份",
                "2026-03",
                "还没停保请点“还没停保”。",
            )?;
            answers.stopped = Some(m.map_or(Stopped::No, Stopped::Month));
        }
        Key::Joined => {
            let m = month_answer(
                v,
                today,
                JOINED_AHEAD,
                "在新地方开始参保的月份",
                "2027-01",
                "还没在新地方参保请点“还没参保”。",
            )?;
            answers.joined = Some(m.map_or(Joined::No, Joined::Month));
        }
        Key::Channel => answers.channel = Some(pick(v, "请选择线上办理还是到窗口办理。")?),
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
/// How far from today `start` may be.
const START_BACK_DAYS: i64 = 366;
const START_AHEAD_DAYS: i64 = 731;

fn parse_start(v: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    match parse_date(v) {
        Some(d) if d < today - chrono::Duration::days(START_BACK_DAYS) => {
            Err("办理日期不能早于一年前。".into())
        }
        Some(d) if d > today + chrono::Duration::days(START_AHEAD_DAYS) => {
            Err("办理日期不能晚于两年后。".into())
        }
        Some(d) => Ok(d),
        None => Err(format!(
            "请按“年-月-日”填写日期，例如 {}。",
            today.format("%Y-%m-%d")
        )),
    }
}

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
            // A month question's "还没…" button sends `no` after the month field: the
            // button the person pressed wins.
            if let Some(mk) = key.filter(|k| k.is_month())
                && v == "no"
            {
                p.errors.retain(|e| e.key != Some(mk));
                let _ = parse_value(mk, "no", regions, today, &mut p.answers);
                if let Some(r) = p.raw.iter_mut().find(|(k, _)| *k == mk) {
                    r.1 = "no".into();
                }
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
                None => parse_start(v, today).map(|d| p.answers.start = Some(d)),
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
        match e.key {
            Some(k) => p.answers.clear(k),
            None => p.answers.start = None,
        }
    }
    p.errors
        .sort_by_key(|e| e.key.map_or(usize::MAX, |k| k as usize));
    p
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
    fn ym(y: i32, m: u32) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    #[test]
    fn months_are_read_leniently_and_strictly_checked() {
        assert_eq!(parse_month("2026-03"), Some(ym(2026, 3)));
        assert_eq!(parse_month("2026-3"), Some(ym(2026, 3)));
        assert_eq!(parse_month("2026/03"), Some(ym(2026, 3)));
        assert_eq!(parse_month("2026年3月"), Some(ym(2026, 3)));
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
        assert_eq!(YearMonth::new(2026, 13), None);
        assert_eq!(YearMonth::new(99, 1), None);
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
        let m = ym(2026, 11);
        assert_eq!(m.plus(3), ym(2027, 2));
        assert_eq!(m.plus(-11), ym(2025, 12));
        assert_eq!(m.months_until(ym(2027, 2)), 3);
        assert_eq!(
            ym(2028, 2).last_day(),
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()
        );
        assert_eq!(
            ym(2028, 2).first_day(),
            NaiveDate::from_ymd_opt(2028, 2, 1).unwrap()
        );
    }

    #[test]
    fn every_choice_round_trips_through_its_value() {
        fn check<T: ChoiceValue + std::fmt::Debug>() {
            for o in T::OPTIONS {
                assert_eq!(T::parse(o.value), Some(o.typed));
                assert_eq!(o.typed.value(), o.value);
                assert!(!o.label.is_empty());
            }
        }
        check::<Scheme>();
        check::<Status>();
        check::<Stay>();
        check::<Target>();
        check::<Channel>();
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
                ("joined", "2026-10"),
                ("channel", "online"),
                ("utm", "ignored"),
            ]),
            &regions(),
            today(),
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.answers.scheme, Some(Scheme::Employee));
        assert_eq!(p.answers.joined, Some(Joined::Month(ym(2026, 10))));
        for k in Key::ALL.into_iter().filter(|k| *k != Key::Stay) {
            assert_eq!(p.answers.value(k).as_deref(), p.raw(k), "{k:?}");
        }
        assert_eq!(
            p.answers.query(),
            "scheme=employee&status=working&from=440300&to=430100&target=employee&stopped=2026-09&joined=2026-10&channel=online"
        );
    }

    #[test]
    fn invalid_values_become_errors_and_keep_the_rest() {
        let p = parse(
            &pairs(&[
                ("scheme", "employee"),
                ("from", "999999"),
                ("stopped", "2026-13"),
                ("joined", "soon"),
                ("start", "2026-02-30"),
            ]),
            &regions(),
            today(),
        );
        assert_eq!(p.answers.scheme, Some(Scheme::Employee));
        assert_eq!(p.answers.from, None);
        assert_eq!(p.answers.joined, None);
        assert_eq!(p.errors.len(), 4);
        assert_eq!(p.errors[0].key, Some(Key::From));
        assert_eq!(p.error(Key::Joined).unwrap().raw, "soon");
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
        // The "还没…" button after a month field wins, even over a bad month.
        let p = parse(
            &pairs(&[
                ("scheme", "employee"),
                ("scheme", "employee"),
                ("stopped", ""),
                ("stopped", "no"),
                ("joined", "2026-99"),
                ("joined", "no"),
            ]),
            &regions(),
            today(),
        );
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.answers.stopped, Some(Stopped::No));
        assert_eq!(p.answers.joined, Some(Joined::No));
        assert_eq!(p.raw(Key::Joined), Some("no"));
    }

    #[test]
    fn far_months_and_dates_are_refused() {
        for (k, v) in [
            ("stopped", "2099-01"),
            ("stopped", "1960-01"),
            ("stopped", "2027-12"),
            ("joined", "2028-01"),
            ("joined", "1960-01"),
            ("start", "2030-01-01"),
            ("start", "2020-01-01"),
        ] {
            let p = parse(&pairs(&[(k, v)]), &regions(), today());
            assert_eq!(p.errors.len(), 1, "{k}={v}");
        }
        // Next year's resident cover (cover starts in January) is a normal answer.
        let p = parse(&pairs(&[("joined", "2027-12")]), &regions(), today());
        assert!(p.errors.is_empty());
    }

    #[test]
    fn long_values_are_refused_and_truncated() {
        let long = "x".repeat(10_000);
        let p = parse(&pairs(&[("scheme", &long)]), &regions(), today());
        assert_eq!(p.errors[0].raw.chars().count(), MAX_VALUE);
    }
}
