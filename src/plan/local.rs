//! Local rules as data (`content/data/local_rules.toml`): what the brief names for one province
//! or city (福建, 江苏, 泉州, 厦门, 南京, 天津, 青海…), each with its source. A plan whose `from`
//! or `to` is there shows the rule as that place's rule, never as a national one.

use super::flow::Outcome;
use super::regions::Region;
use serde::Deserialize;

/// Which end of a move a rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The old place (转出地, or a retiree's insured place).
    From,
    /// The new place (转入地).
    To,
    Either,
}

/// One rule of one place.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalRule {
    /// A province code (xx0000: the whole province) or a city's code.
    pub place: u32,
    pub side: Side,
    /// Empty: every transfer outcome.
    pub outcomes: Vec<Outcome>,
    pub topic: String,
    pub text: String,
    pub source: String,
    pub url: Option<String>,
}

/// A province's 居民医保 enrolment period (集中参保期), month-day to month-day.
#[derive(Debug, Clone, PartialEq)]
pub struct Enrolment {
    pub place: u32,
    /// (month, day)
    pub start: (u32, u32),
    pub end: (u32, u32),
    pub text: String,
    pub source: String,
    pub url: Option<String>,
}

#[derive(Debug, Default)]
pub struct LocalRules {
    pub rules: Vec<LocalRule>,
    pub enrolment: Vec<Enrolment>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    rule: Vec<RuleRow>,
    #[serde(default)]
    enrolment: Vec<EnrolmentRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleRow {
    place: u32,
    side: Side,
    #[serde(default)]
    outcomes: Vec<String>,
    topic: String,
    text: String,
    source: String,
    url: Option<String>,
    brief: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnrolmentRow {
    place: u32,
    start: String,
    end: String,
    text: String,
    source: String,
    url: Option<String>,
    brief: String,
}

fn month_day(s: &str) -> Result<(u32, u32), String> {
    let (m, d) = s.split_once('-').ok_or(format!("“{s}”不是“月-日”"))?;
    let (m, d): (u32, u32) = (
        m.parse().map_err(|_| format!("“{s}”不是“月-日”"))?,
        d.parse().map_err(|_| format!("“{s}”不是“月-日”"))?,
    );
    chrono::NaiveDate::from_ymd_opt(2024, m, d).ok_or(format!("“{s}”不是有效的日期"))?;
    Ok((m, d))
}

impl LocalRules {
    /// Parses the file; `known` says whether a region code exists.
    pub fn parse(text: &str, known: impl Fn(u32) -> bool) -> Result<LocalRules, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut out = LocalRules::default();
        for r in file.rule {
            if !known(r.place) {
                return Err(format!("地区代码 {} 不存在（{}）", r.place, r.topic));
            }
            if r.brief.trim().is_empty() || r.source.trim().is_empty() {
                return Err(format!("“{}”缺少出处（source、brief）", r.topic));
            }
            let outcomes = r
                .outcomes
                .iter()
                .map(|o| Outcome::from_id(o).ok_or(format!("“{}”里的方案 {o} 不存在", r.topic)))
                .collect::<Result<_, _>>()?;
            out.rules.push(LocalRule {
                place: r.place,
                side: r.side,
                outcomes,
                topic: r.topic,
                text: r.text,
                source: r.source,
                url: r.url,
            });
        }
        for e in file.enrolment {
            if !known(e.place) {
                return Err(format!("地区代码 {} 不存在（集中参保期）", e.place));
            }
            if e.brief.trim().is_empty() {
                return Err(format!("地区 {} 的集中参保期缺少 brief", e.place));
            }
            out.enrolment.push(Enrolment {
                place: e.place,
                start: month_day(&e.start)?,
                end: month_day(&e.end)?,
                text: e.text,
                source: e.source,
                url: e.url,
            });
        }
        Ok(out)
    }

    /// The rules for a plan with `outcome` from `from` to `to` (either may be absent), the
    /// old place's first.
    pub fn for_case(
        &self,
        outcome: Outcome,
        from: Option<&Region>,
        to: Option<&Region>,
    ) -> Vec<&LocalRule> {
        let at = |r: &LocalRule, place: Option<&Region>| {
            place.is_some_and(|p| r.place == p.code || r.place == p.province_code)
        };
        let mut out: Vec<&LocalRule> = Vec::new();
        for r in &self.rules {
            let outcome_fits = if r.outcomes.is_empty() {
                outcome.is_transfer()
            } else {
                r.outcomes.contains(&outcome)
            };
            let place_fits = match r.side {
                Side::From => at(r, from),
                Side::To => at(r, to),
                Side::Either => at(r, from) || at(r, to),
            };
            if outcome_fits && place_fits && !out.contains(&r) {
                out.push(r);
            }
        }
        out.sort_by_key(|r| !at(r, from));
        out
    }

    /// The enrolment period of the province `place` is in, when the data has it.
    pub fn enrolment_at(&self, place: &Region) -> Option<&Enrolment> {
        self.enrolment
            .iter()
            .find(|e| e.place == place.code || e.place == place.province_code)
    }
}
