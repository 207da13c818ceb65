//! The plan's key dates as an iCalendar file (RFC 5545): one all-day event per date the
//! calculator gives, each with a line of what to do. Never an event before the person can act:
//! the dates come from the plan, which never dates an application too early.

use super::outcomes::TransferPlan;
use chrono::NaiveDate;

/// Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1).
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut len = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if len + n > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(ch);
        len += n;
    }
    out.push_str("\r\n");
    out
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// The calendar for `plan`, whose page lives at `url`; `stamp` is the creation time
/// (`20261201T080000Z`). `None` when the plan has no dates.
pub fn calendar(plan: &TransferPlan, url: &str, today: NaiveDate, stamp: &str) -> Option<String> {
    if plan.dates.is_empty() {
        return None;
    }
    let mut ics = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//yibao//plan//ZH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        ics.push_str(&fold(l));
    }
    let uid = crate::hash::fnv64(url.as_bytes());
    for d in &plan.dates {
        // A day is itself (an application the person already made stays on its day); a month or
        // a period starts its reminder on its first day, or today when that is past.
        let day = match d.when {
            super::outcomes::When::Day(day) => day,
            w => w.first_day().max(today),
        };
        let next = day + chrono::Duration::days(1);
        let est = if d.estimated { "（估算）" } else { "" };
        for line in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}-{uid:016x}@yibao", d.id.id()),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")),
            format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
            format!("SUMMARY:{}", text(&format!("医保转移：{}{est}", d.label))),
            format!("DESCRIPTION:{}", text(&format!("{} 方案：{url}", d.what))),
            format!("URL:{url}"),
            "END:VEVENT".to_string(),
        ] {
            ics.push_str(&fold(&line));
        }
    }
    ics.push_str(&fold("END:VCALENDAR"));
    Some(ics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_at_75_octets_on_char_boundaries() {
        let line = format!("SUMMARY:{}", "医".repeat(40));
        let folded = fold(&line);
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
    }

    #[test]
    fn text_escapes() {
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
