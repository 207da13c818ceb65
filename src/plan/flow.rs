//! The guided form as data: each question, where it may lead, and one pure function from
//! answers to the next page. Answers are replayed from the first question on every request
//! (no session), so a URL alone rebuilds the whole state.

use super::answers::{Answers, Key, Scheme, Status, Target};

/// The end of a route (design/plan.md "Outcomes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// 先确认参保类型
    CheckScheme,
    /// 不需要办理转移（同一地区）
    NoTransfer,
    /// 退休：不转移，办理异地长期居住/异地安置备案
    RetireeLongStay,
    /// 退休：不转移，办理临时外出就医备案
    RetireeTemporary,
    /// 先选好在新地方参加哪种医保
    ChooseScheme,
    /// 保留原地参保，办理异地就医备案
    KeepAndFile,
    /// 职工医保转移接续（应当办理）
    EmployeeToEmployee,
    /// 职工医保转居民医保（可以申请）
    EmployeeToResident,
    /// 居民医保转职工医保（可以申请）
    ResidentToEmployee,
    /// 居民医保随迁
    ResidentToResident,
}

impl Outcome {
    pub const ALL: [Outcome; 10] = [
        Outcome::CheckScheme,
        Outcome::NoTransfer,
        Outcome::RetireeLongStay,
        Outcome::RetireeTemporary,
        Outcome::ChooseScheme,
        Outcome::KeepAndFile,
        Outcome::EmployeeToEmployee,
        Outcome::EmployeeToResident,
        Outcome::ResidentToEmployee,
        Outcome::ResidentToResident,
    ];
    /// `data-outcome` on the plan page (design/plan.md, part of the URL contract).
    pub fn id(self) -> &'static str {
        match self {
            Outcome::CheckScheme => "check-scheme",
            Outcome::NoTransfer => "no-transfer",
            Outcome::RetireeLongStay => "retiree-long-stay",
            Outcome::RetireeTemporary => "retiree-temporary",
            Outcome::ChooseScheme => "choose-scheme",
            Outcome::KeepAndFile => "keep-and-file",
            Outcome::EmployeeToEmployee => "employee-to-employee",
            Outcome::EmployeeToResident => "employee-to-resident",
            Outcome::ResidentToEmployee => "resident-to-employee",
            Outcome::ResidentToResident => "resident-to-resident",
        }
    }
    pub fn from_id(id: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.id() == id)
    }
    /// The four outcomes that are a transfer and get steps, dates and materials.
    pub fn is_transfer(self) -> bool {
        matches!(
            self,
            Outcome::EmployeeToEmployee
                | Outcome::EmployeeToResident
                | Outcome::ResidentToEmployee
                | Outcome::ResidentToResident
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Ask(Key),
    Done(Outcome),
}

/// Where each question may lead: the declaration a test checks `next` against.
pub fn leads_to(key: Key) -> &'static [Node] {
    use Node::*;
    use Outcome::*;
    match key {
        Key::Scheme => &[Done(CheckScheme), Ask(Key::Status), Ask(Key::From)],
        Key::Status => &[Ask(Key::From)],
        Key::From => &[Ask(Key::To)],
        Key::To => &[Done(NoTransfer), Ask(Key::Stay), Ask(Key::Target)],
        Key::Stay => &[Done(RetireeLongStay), Done(RetireeTemporary)],
        Key::Target => &[Done(ChooseScheme), Done(KeepAndFile), Ask(Key::Stopped)],
        Key::Stopped => &[Ask(Key::Joined)],
        Key::Joined => &[Ask(Key::Channel)],
        Key::Channel => &[
            Done(EmployeeToEmployee),
            Done(EmployeeToResident),
            Done(ResidentToEmployee),
            Done(ResidentToResident),
        ],
    }
}

/// The first page the answers lead to: the first unanswered question, or the outcome.
pub fn next(a: &Answers) -> Node {
    walk(a).0
}

/// The questions on the route the answers take, in order, and where it ends.
pub fn route(a: &Answers) -> Vec<Key> {
    walk(a).1
}

fn walk(a: &Answers) -> (Node, Vec<Key>) {
    let mut asked = Vec::new();
    macro_rules! ask {
        ($key:expr, $field:expr) => {{
            asked.push($key);
            match $field {
                Some(v) => v,
                None => return (Node::Ask($key), asked),
            }
        }};
    }
    let scheme = ask!(Key::Scheme, a.scheme);
    if scheme == Scheme::Unknown {
        return (Node::Done(Outcome::CheckScheme), asked);
    }
    let employee_side = matches!(scheme, Scheme::Employee | Scheme::Flexible);
    let status = if employee_side {
        Some(ask!(Key::Status, a.status))
    } else {
        None
    };
    let from = ask!(Key::From, a.from);
    let to = ask!(Key::To, a.to);
    if from == to {
        return (Node::Done(Outcome::NoTransfer), asked);
    }
    if status == Some(Status::Retired) {
        let stay = ask!(Key::Stay, a.stay);
        let o = match stay {
            super::answers::Stay::Long => Outcome::RetireeLongStay,
            super::answers::Stay::Temporary => Outcome::RetireeTemporary,
        };
        return (Node::Done(o), asked);
    }
    let target = ask!(Key::Target, a.target);
    match target {
        Target::Undecided => return (Node::Done(Outcome::ChooseScheme), asked),
        Target::Keep => return (Node::Done(Outcome::KeepAndFile), asked),
        _ => {}
    }
    ask!(Key::Stopped, a.stopped);
    ask!(Key::Joined, a.joined);
    ask!(Key::Channel, a.channel);
    let to_employee = matches!(target, Target::Employee | Target::Flexible);
    let o = match (employee_side, to_employee) {
        (true, true) => Outcome::EmployeeToEmployee,
        (true, false) => Outcome::EmployeeToResident,
        (false, true) => Outcome::ResidentToEmployee,
        (false, false) => Outcome::ResidentToResident,
    };
    (Node::Done(o), asked)
}

/// Whether the answers already given rule `key` out of the route (an unanswered question
/// that might still lead to it does not).
pub fn off_route(a: &Answers, key: Key) -> bool {
    let unknown = a.scheme == Some(Scheme::Unknown);
    let resident = a.scheme == Some(Scheme::Resident);
    let same_place = a.from.is_some() && a.from == a.to;
    let retired = a.status == Some(Status::Retired);
    let not_retired = resident || a.status.is_some_and(|s| s != Status::Retired);
    match key {
        Key::Scheme => false,
        Key::Status => unknown || resident,
        Key::From | Key::To => unknown,
        Key::Stay => unknown || same_place || not_retired,
        Key::Target => unknown || same_place || retired,
        Key::Stopped | Key::Joined | Key::Channel => {
            unknown
                || same_place
                || retired
                || matches!(a.target, Some(Target::Undecided | Target::Keep))
        }
    }
}

/// The answers without those the route no longer asks: after a change of an earlier answer,
/// later answers that no longer apply disappear from the URL; the others are kept.
pub fn prune(a: &Answers) -> Answers {
    // In flow order, so a dropped answer no longer decides what comes after it.
    let mut out = a.clone();
    for k in Key::ALL {
        if off_route(&out, k) {
            out.clear(k);
        }
    }
    out
}

/// The question before `key` on the route (for the back link), if any.
pub fn previous(a: &Answers, key: Key) -> Option<Key> {
    let r = route(a);
    let i = r.iter().position(|k| *k == key)?;
    i.checked_sub(1).map(|j| r[j])
}

/// Example answers that reach each outcome, for tests across the crate.
#[cfg(test)]
pub mod tests_support {
    use super::super::answers::*;
    use super::super::regions::RegionCode;
    use super::{Node, Outcome, next};

    pub fn answers_for(o: Outcome) -> Answers {
        let base = Answers {
            scheme: Some(Scheme::Employee),
            status: Some(Status::Working),
            from: Some(RegionCode::test(440300)),
            to: Some(RegionCode::test(430100)),
            target: Some(Target::Employee),
            stopped: Some(Stopped::No),
            joined: Some(Joined::No),
            channel: Some(Channel::Online),
            ..Default::default()
        };
        let a = match o {
            Outcome::CheckScheme => Answers {
                scheme: Some(Scheme::Unknown),
                ..Default::default()
            },
            Outcome::NoTransfer => Answers {
                to: base.from,
                ..base
            },
            Outcome::RetireeLongStay | Outcome::RetireeTemporary => Answers {
                status: Some(Status::Retired),
                stay: Some(if o == Outcome::RetireeLongStay {
                    Stay::Long
                } else {
                    Stay::Temporary
                }),
                ..base
            },
            Outcome::ChooseScheme => Answers {
                target: Some(Target::Undecided),
                ..base
            },
            Outcome::KeepAndFile => Answers {
                target: Some(Target::Keep),
                ..base
            },
            Outcome::EmployeeToEmployee => base,
            Outcome::EmployeeToResident => Answers {
                target: Some(Target::Resident),
                ..base
            },
            Outcome::ResidentToEmployee => Answers {
                scheme: Some(Scheme::Resident),
                ..base
            },
            Outcome::ResidentToResident => Answers {
                scheme: Some(Scheme::Resident),
                target: Some(Target::Resident),
                ..base
            },
        };
        let a = super::prune(&a);
        assert_eq!(next(&a), Node::Done(o));
        a
    }
}

#[cfg(test)]
mod tests {
    use super::super::answers::*;
    use super::super::regions::RegionCode;
    use super::*;
    use std::collections::HashSet;

    /// `base` with `key` set to each value it can take (two regions: the same and another).
    fn values(key: Key, base: &Answers) -> Vec<Answers> {
        let with = |f: &dyn Fn(&mut Answers)| {
            let mut a = base.clone();
            f(&mut a);
            a
        };
        match key {
            Key::Scheme => [
                Scheme::Employee,
                Scheme::Flexible,
                Scheme::Resident,
                Scheme::Unknown,
            ]
            .map(|v| with(&|a| a.scheme = Some(v)))
            .to_vec(),
            Key::Status => [Status::Working, Status::Left, Status::Retired]
                .map(|v| with(&|a| a.status = Some(v)))
                .to_vec(),
            Key::From => vec![with(&|a| a.from = Some(RegionCode::test(440300)))],
            Key::To => [440300, 430100]
                .map(|c| with(&|a| a.to = Some(RegionCode::test(c))))
                .to_vec(),
            Key::Stay => [Stay::Long, Stay::Temporary]
                .map(|v| with(&|a| a.stay = Some(v)))
                .to_vec(),
            Key::Target => [
                Target::Employee,
                Target::Flexible,
                Target::Resident,
                Target::Undecided,
                Target::Keep,
            ]
            .map(|v| with(&|a| a.target = Some(v)))
            .to_vec(),
            Key::Stopped => [
                Stopped::No,
                Stopped::Month(YearMonth::new(2026, 9).unwrap()),
            ]
            .map(|v| with(&|a| a.stopped = Some(v)))
            .to_vec(),
            Key::Joined => [Joined::No, Joined::Month(YearMonth::new(2026, 10).unwrap())]
                .map(|v| with(&|a| a.joined = Some(v)))
                .to_vec(),
            Key::Channel => [Channel::Online, Channel::Offline]
                .map(|v| with(&|a| a.channel = Some(v)))
                .to_vec(),
        }
    }

    /// Walks every combination of options from the first question; returns the outcomes
    /// reached and checks each step is one the question declares.
    fn explore(a: Answers, reached: &mut HashSet<Outcome>, paths: &mut usize) {
        match next(&a) {
            Node::Done(o) => {
                reached.insert(o);
                *paths += 1;
            }
            Node::Ask(key) => {
                for b in values(key, &a) {
                    let n = next(&b);
                    assert!(
                        leads_to(key).contains(&n),
                        "{key:?} led to {n:?}, which it does not declare"
                    );
                    explore(b, reached, paths);
                }
            }
        }
    }

    #[test]
    fn every_path_ends_at_an_outcome_and_every_outcome_is_reachable() {
        let mut reached = HashSet::new();
        let mut paths = 0;
        explore(Answers::default(), &mut reached, &mut paths);
        for o in Outcome::ALL {
            assert!(reached.contains(&o), "{o:?} is unreachable");
        }
        assert!(paths > 50, "{paths} paths");
    }

    #[test]
    fn every_declared_route_is_used() {
        // The declaration holds no dead edges: each declared next node is reached from its question.
        let mut used: HashSet<(Key, Node)> = HashSet::new();
        fn go(a: Answers, used: &mut HashSet<(Key, Node)>) {
            if let Node::Ask(key) = next(&a) {
                for b in values(key, &a) {
                    used.insert((key, next(&b)));
                    go(b, used);
                }
            }
        }
        go(Answers::default(), &mut used);
        for k in Key::ALL {
            for n in leads_to(k) {
                assert!(
                    used.contains(&(k, *n)),
                    "{k:?} → {n:?} is declared but never taken"
                );
            }
        }
    }

    #[test]
    fn changing_an_earlier_answer_drops_what_no_longer_applies() {
        let mut a = tests_support::answers_for(Outcome::EmployeeToEmployee);
        assert_eq!(next(&a), Node::Done(Outcome::EmployeeToEmployee));
        a.status = Some(Status::Retired);
        let p = prune(&a);
        assert_eq!(p.target, None);
        assert_eq!(p.joined, None);
        assert_eq!(p.channel, None);
        assert_eq!(next(&p), Node::Ask(Key::Stay));
        a.scheme = Some(Scheme::Resident);
        let p = prune(&a);
        assert_eq!(p.status, None, "residents are not asked their status");
        assert_eq!(next(&p), Node::Done(Outcome::ResidentToEmployee));
    }

    #[test]
    fn keys_on_a_complete_route_are_never_off_route() {
        fn go(a: Answers) {
            match next(&a) {
                Node::Done(_) => {
                    for k in route(&a) {
                        assert!(!off_route(&a, k), "{k:?} on the route of {a:?}");
                    }
                    for k in Key::ALL {
                        if !route(&a).contains(&k) {
                            assert!(off_route(&a, k), "{k:?} is not asked but kept for {a:?}");
                        }
                    }
                }
                Node::Ask(key) => {
                    for b in values(key, &a) {
                        go(b);
                    }
                }
            }
        }
        go(Answers::default());
    }

    #[test]
    fn an_old_plan_url_without_joined_asks_for_it() {
        let mut a = tests_support::answers_for(Outcome::EmployeeToEmployee);
        a.joined = None;
        assert_eq!(next(&a), Node::Ask(Key::Joined));
        assert_eq!(previous(&a, Key::Joined), Some(Key::Stopped));
    }

    #[test]
    fn back_links_follow_the_route() {
        let a = Answers {
            scheme: Some(Scheme::Resident),
            ..Default::default()
        };
        assert_eq!(previous(&a, Key::From), Some(Key::Scheme));
        assert_eq!(previous(&a, Key::Scheme), None);
    }
}
