//! Chinese working days (工作日) from `content/data/holidays.csv`: statutory holidays and
//! 调休 make-up working days. Past the data's last year, an estimate that skips only the
//! holidays fixed by date (1月1日; 5月1日、2日; 10月1日、2日、3日), as data/README.md says.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Holiday,
    Workday,
}

#[derive(Debug)]
pub struct WorkingDayCalendar {
    days: HashMap<NaiveDate, Kind>,
    last_year: i32,
}

/// A date counted in working days, and whether it rests on estimated holidays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub date: NaiveDate,
    pub estimated: bool,
}

impl WorkingDayCalendar {
    pub fn parse(text: &str) -> Result<WorkingDayCalendar, String> {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "lowercase")]
        enum RowKind {
            Holiday,
            Workday,
        }
        #[derive(serde::Deserialize)]
        struct Row {
            date: NaiveDate,
            kind: RowKind,
            #[allow(dead_code)]
            name: String,
        }
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| format!("holidays.csv 的表头不对：{e}"))?;
        if headers != vec!["date", "kind", "name"] {
            return Err("holidays.csv 的表头不对".into());
        }
        let mut days = HashMap::new();
        for (i, row) in reader.deserialize::<Row>().enumerate() {
            let r = row.map_err(|e| format!("holidays.csv 第 {} 行不对：{e}", i + 2))?;
            let kind = match r.kind {
                RowKind::Holiday => Kind::Holiday,
                RowKind::Workday => Kind::Workday,
            };
            days.insert(r.date, kind);
        }
        let last_year = days
            .keys()
            .map(|d| d.year())
            .max()
            .ok_or("holidays.csv 是空的")?;
        Ok(WorkingDayCalendar { days, last_year })
    }

    /// The last year the official holiday schedule is known for.
    pub fn last_year(&self) -> i32 {
        self.last_year
    }

    /// Whether `d` is a working day (estimated past the data's last year).
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if d.year() > self.last_year {
            let fixed = matches!(
                (d.month(), d.day()),
                (1, 1) | (5, 1) | (5, 2) | (10, 1) | (10, 2) | (10, 3)
            );
            return !fixed && !matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
        }
        match self.days.get(&d) {
            Some(Kind::Workday) => true,
            Some(Kind::Holiday) => false,
            None => !matches!(d.weekday(), Weekday::Sat | Weekday::Sun),
        }
    }

    /// `d` itself when it is a working day, else the next working day after it.
    pub fn working_day_on_or_after(&self, d: NaiveDate) -> Counted {
        if self.is_working_day(d) {
            Counted {
                date: d,
                estimated: d.year() > self.last_year,
            }
        } else {
            self.add_working_days(d, 1)
        }
    }

    /// The date on which the `n`-th working day after `from` is reached. `from` itself is never
    /// counted, working day or not (the convention of holidays_vectors.md).
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> Counted {
        let mut d = from;
        let mut left = n;
        while left > 0 {
            d += Duration::days(1);
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        Counted {
            date: d,
            estimated: d.year() > self.last_year,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cal() -> WorkingDayCalendar {
        WorkingDayCalendar::parse(include_str!("../../content/data/holidays.csv")).unwrap()
    }
    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    // Vectors from shared/data/holidays_vectors.md.
    #[test]
    fn fifteen_working_days_over_mid_autumn_and_national_day() {
        let c = cal().add_working_days(d("2026-09-25"), 15);
        assert_eq!(c.date, d("2026-10-22"));
        assert!(!c.estimated);
    }

    #[test]
    fn fifteen_working_days_ending_on_a_make_up_saturday() {
        assert_eq!(
            cal().add_working_days(d("2026-01-26"), 15).date,
            d("2026-02-14")
        );
    }

    #[test]
    fn spot_checks() {
        let c = cal();
        for (day, working) in [
            ("2026-02-14", true),
            ("2026-02-16", false),
            ("2026-02-28", true),
            ("2026-05-09", true),
            ("2026-09-20", true),
            ("2026-10-10", true),
            ("2026-10-08", true),
            ("2026-10-11", false),
            ("2025-01-26", true),
            ("2025-01-28", false),
            ("2025-10-06", false),
            ("2024-02-09", true),
            ("2024-06-10", false),
        ] {
            assert_eq!(c.is_working_day(d(day)), working, "{day}");
        }
    }

    #[test]
    fn zero_days_is_the_same_day() {
        assert_eq!(
            cal().add_working_days(d("2026-10-01"), 0).date,
            d("2026-10-01")
        );
    }

    #[test]
    fn past_the_data_the_count_is_an_estimate_with_fixed_holidays() {
        // A calendar whose data ends in 2026, so this test holds whatever year the shipped
        // file reaches when a new schedule is published.
        let c = WorkingDayCalendar::parse(
            "date,kind,name\n2026-10-01,holiday,国庆节\n2026-10-10,workday,国庆节\n",
        )
        .unwrap();
        assert_eq!(c.last_year(), 2026);
        // 2026-12-31 (Thu) + 1 working day: 2027-01-01 is 元旦 (fixed by date), so 2027-01-04 (Mon).
        let r = c.add_working_days(d("2026-12-31"), 1);
        assert_eq!(r.date, d("2027-01-04"));
        assert!(r.estimated);
        // 2027-04-30 (Fri) + 1: 5月1日、2日 are weekend anyway; 5月3日 is a Monday and not fixed.
        assert_eq!(c.add_working_days(d("2027-04-30"), 1).date, d("2027-05-03"));
        // 2027-09-30 (Thu) + 1: 10月1日 (Fri) is fixed, then the weekend → 2027-10-04 (Mon).
        assert_eq!(c.add_working_days(d("2027-09-30"), 1).date, d("2027-10-04"));
    }

    #[test]
    fn within_the_data_a_late_december_count_is_exact() {
        let r = cal().add_working_days(d("2026-12-01"), 10);
        assert_eq!(r.date, d("2026-12-15"));
        assert!(!r.estimated);
    }

    #[test]
    fn a_bad_row_names_its_line() {
        let e = WorkingDayCalendar::parse(
            "date,kind,name\n2026-10-01,holiday,国庆节\n2026-10-10,party,国庆节\n",
        )
        .unwrap_err();
        assert!(e.contains("第 3 行"), "{e}");
        assert!(WorkingDayCalendar::parse("day,kind,name\n").is_err());
    }

    #[test]
    fn the_first_working_day_on_or_after() {
        let c = cal();
        assert_eq!(
            c.working_day_on_or_after(d("2026-10-01")).date,
            d("2026-10-08")
        );
        assert_eq!(
            c.working_day_on_or_after(d("2026-10-10")).date,
            d("2026-10-10"),
            "调休 Saturday"
        );
        assert_eq!(
            c.working_day_on_or_after(d("2026-11-25")).date,
            d("2026-11-25")
        );
    }
}
