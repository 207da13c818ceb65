//! Numeric facts shared by the guides, the FAQ and the plan's rules (`content/data/facts.toml`).
//! Markdown writes `{{out_days}}`; the plan reads `facts.out_days`: one number, one place.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// 转出地完成转出的最长工作日数（brief §2.7）
    pub out_days: u32,
    /// 转入地完成转入的最长工作日数（brief §2.7）
    pub in_days: u32,
    pub total_days: u32,
    pub old_total_days: u32,
    /// 中断缴费可补缴追溯的月数上限（brief §2.10）
    pub gap_months: u32,
    pub max_wait_months: u32,
    pub switch_years: u32,
    /// 居民医保固定等待期（brief §3.3）
    pub resident_fixed_wait: u32,
    pub repair_floor_years: u32,
    pub repair_floor_months: u32,
    pub temp_filing_months: u32,
    pub change_limit_months: u32,
    pub drop_referral_points: u32,
    pub drop_other_points: u32,
    pub manual_days: u32,
    pub hotline: String,
}

impl Facts {
    pub fn parse(text: &str) -> Result<Facts, String> {
        let facts: Facts = toml::from_str(text).map_err(|e| e.to_string())?;
        if facts.out_days + facts.in_days != facts.total_days {
            return Err("out_days + in_days 必须等于 total_days".into());
        }
        Ok(facts)
    }

    fn table(&self) -> BTreeMap<&'static str, String> {
        let mut t = BTreeMap::new();
        for (k, v) in [
            ("out_days", self.out_days),
            ("in_days", self.in_days),
            ("total_days", self.total_days),
            ("old_total_days", self.old_total_days),
            ("gap_months", self.gap_months),
            ("max_wait_months", self.max_wait_months),
            ("switch_years", self.switch_years),
            ("resident_fixed_wait", self.resident_fixed_wait),
            ("repair_floor_years", self.repair_floor_years),
            ("repair_floor_months", self.repair_floor_months),
            ("temp_filing_months", self.temp_filing_months),
            ("change_limit_months", self.change_limit_months),
            ("drop_referral_points", self.drop_referral_points),
            ("drop_other_points", self.drop_other_points),
            ("manual_days", self.manual_days),
        ] {
            t.insert(k, v.to_string());
        }
        t.insert("hotline", self.hotline.clone());
        t
    }

    /// Replaces every `{{name}}` in `text`; an unknown name is an error naming it.
    pub fn substitute(&self, text: &str) -> Result<String, String> {
        let table = self.table();
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let end = after
                .find("}}")
                .ok_or_else(|| "有 {{ 没有对应的 }}".to_string())?;
            let name = after[..end].trim();
            let value = table.get(name).ok_or_else(|| {
                format!("未知的数字名 {{{{{name}}}}}（见 content/data/facts.toml）")
            })?;
            out.push_str(value);
            rest = &after[end + 2..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        Facts::parse(include_str!("../../content/data/facts.toml")).unwrap()
    }

    #[test]
    fn shipped_facts_match_the_brief() {
        let f = facts();
        // brief §2.7: 10 + 5 = 15 working days
        assert_eq!((f.out_days, f.in_days, f.total_days), (10, 5, 15));
        assert_eq!(f.gap_months, 3);
        assert_eq!(f.hotline, "12393");
    }

    #[test]
    fn substitutes_known_names_and_refuses_unknown() {
        let f = facts();
        assert_eq!(
            f.substitute("转出 {{out_days}} 天，共 {{ total_days }} 天")
                .unwrap(),
            "转出 10 天，共 15 天"
        );
        assert!(f.substitute("{{nope}}").unwrap_err().contains("nope"));
        assert!(f.substitute("{{out_days").is_err());
    }

    #[test]
    fn inconsistent_totals_are_refused() {
        let text = include_str!("../../content/data/facts.toml")
            .replace("total_days = 15", "total_days = 45");
        assert!(Facts::parse(&text).is_err());
    }
}
