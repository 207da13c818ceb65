//! The guides and FAQ entries a plan links to, as types. The slugs are written once here and
//! checked against the content library at start-up ([`check`]): a page renamed or merged
//! without updating this file stops start-up and `cargo test`, instead of vanishing from plans.

use crate::content::Library;

macro_rules! slugs {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $slug:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant,)* }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            pub fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug,)* }
            }
        }
    };
}

slugs! {
    /// A guide (`/guides/<slug>`).
    Guide {
        Overview => "overview",
        Glossary => "glossary",
        WithinProvince => "within-province",
        Retirees => "retirees",
        MedicalFiling => "medical-filing",
        FlexibleWorkers => "flexible-workers",
        EmployeeToResident => "employee-to-resident",
        Gaps => "gaps-and-waiting-periods",
        EmployeeOnline => "employee-cross-province-online",
        OfflineDocuments => "offline-documents",
        PersonalAccount => "personal-account",
        ResidentToEmployee => "resident-to-employee",
        ContributionYears => "contribution-years",
        ResidentMoving => "resident-moving",
        FamilySharing => "family-sharing",
    }
}

slugs! {
    /// A FAQ entry (`/faq/<slug>`).
    Faq {
        EVoucher => "d-medical-insurance-e-voucher",
        NationalPlatform => "d-national-medical-insurance-platform",
        SameProvinceOtherCity => "c-same-province-other-city",
        ChangeJobOtherProvince => "c-change-job-other-province-transfer",
        RetireeBackHometown => "c-retiree-transfer-back-hometown",
        RetireeDirectSettlement => "d-retiree-hometown-direct-settlement",
        RetireeFilingMaterials => "d-retiree-filing-materials",
        FilingLongTerm => "d-filing-long-term-or-yearly",
        RetireeChangeFiling => "d-retiree-change-or-cancel-filing",
        HospitalizedWithoutFiling => "d-hospitalized-elsewhere-without-filing",
        EmergencyTravelling => "d-emergency-while-travelling",
        TemporaryFilingMaterials => "d-temporary-filing-materials",
        TemporaryFilingRate => "d-temporary-filing-lower-rate",
        FilingAfterSelfPaid => "d-filing-after-self-paid",
        FlexibleJoinEmployee => "d-flexible-worker-join-employee",
        ResidentYearsToEmployee => "c-resident-years-to-employee",
        SwitchGap => "c-switch-employee-resident-gap",
        HowLong => "c-how-long-transfer-takes",
        AccountMoney => "c-account-money-where-went",
        CheckProgress => "c-check-progress",
        QuitJob => "c-quit-job-insurance-stopped",
        EmployeeToResident => "c-employee-to-resident-transfer",
        EmployeeToResidentBalance => "c-employee-to-resident-account-balance",
        ResidentMoved => "c-resident-moved-city",
        ResidentThisYear => "d-resident-moved-this-year-coverage",
        ResidentEnrolment => "d-resident-enrolment-when",
        MissedEnrolment => "c-missed-resident-enrollment-period",
        OnlineHow => "c-online-transfer-how",
        Materials => "c-what-materials-needed",
        OrderOfSteps => "c-order-stop-then-enroll",
        UnemploymentBenefit => "d-unemployment-benefit-medical",
    }
}

/// Every slug above that the library lacks, named with the kind (`指南 x`, `常见问题 y`).
pub fn missing(lib: &Library) -> Vec<String> {
    let guides = Guide::ALL
        .iter()
        .filter(|g| lib.guide(g.slug()).is_none())
        .map(|g| format!("指南 {}", g.slug()));
    let faqs = Faq::ALL
        .iter()
        .filter(|f| lib.faq(f.slug()).is_none())
        .map(|f| format!("常见问题 {}", f.slug()));
    guides.chain(faqs).collect()
}
