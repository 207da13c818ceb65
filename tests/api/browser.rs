//! Real headless Chromium: phone and desktop widths, 大字模式, printing a guide to PDF.
//! Screenshots and PDFs land in target/test-artifacts/ for a person to look at.

use crate::helpers::browser::{open, sideways_overflow};
use crate::helpers::*;
use std::process::Command;
use thirtyfour::prelude::*;

#[tokio::test]
async fn home_and_a_guide_fit_a_phone_and_a_desktop() {
    let long_guide = page_types()
        .into_iter()
        .find(|p| p.starts_with("/guides/") && p.len() > 8)
        .unwrap();
    for width in [360u32, 1280] {
        let Some(driver) = open(width, true).await else {
            return;
        };
        for (name, path) in [
            ("home", "/"),
            ("guide", long_guide.as_str()),
            ("faq", "/faq/"),
        ] {
            driver.goto(url(path)).await.unwrap();
            let over = sideways_overflow(&driver).await;
            let shot = artifacts("screenshots").join(format!("{name}-{width}.png"));
            driver.screenshot(&shot).await.unwrap();
            assert!(
                over <= 0,
                "{path} at {width}px scrolls sideways by {over}px (see {})",
                shot.display()
            );
            let h1 = driver
                .find(By::Tag("h1"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(!h1.is_empty());
        }
        driver.quit().await.unwrap();
    }
}

#[tokio::test]
async fn large_text_switch_works_without_javascript_and_persists() {
    let Some(driver) = open(360, false).await else {
        return;
    };
    driver.goto(url("/guides/")).await.unwrap();
    let size = |d: WebDriver| async move {
        let r = d
            .execute(
                "return parseFloat(getComputedStyle(document.body).fontSize);",
                vec![],
            )
            .await
            .unwrap();
        r.json().as_f64().unwrap()
    };
    let before = size(driver.clone()).await;
    assert!(before >= 16.0, "body text {before}px");
    driver
        .find(By::LinkText("大字模式"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert!(
        driver
            .current_url()
            .await
            .unwrap()
            .as_str()
            .ends_with("/guides/")
    );
    let after = size(driver.clone()).await;
    assert!(after >= before * 1.2, "large text {after}px vs {before}px");
    driver
        .screenshot(&artifacts("screenshots").join("guides-360-large.png"))
        .await
        .unwrap();
    // Survives navigation.
    driver
        .find(By::LinkText("关于"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert!((size(driver.clone()).await - after).abs() < 0.01);
    assert!(
        sideways_overflow(&driver).await <= 0,
        "large text at 360px scrolls sideways"
    );
    driver
        .find(By::LinkText("标准字号"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert!((size(driver.clone()).await - before).abs() < 0.01);
    driver.quit().await.unwrap();
}

#[tokio::test]
async fn keyboard_users_can_skip_to_the_content() {
    let Some(driver) = open(1280, true).await else {
        return;
    };
    driver.goto(url("/")).await.unwrap();
    driver
        .active_element()
        .await
        .unwrap()
        .send_keys(Key::Tab)
        .await
        .unwrap();
    let focused = driver.active_element().await.unwrap();
    assert_eq!(focused.text().await.unwrap(), "跳到正文");
    let outline = driver
        .execute(
            "return getComputedStyle(document.activeElement).outlineStyle;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(outline.json().as_str(), Some("solid"), "visible focus");
    driver.quit().await.unwrap();
}

/// Prints the longest guide to PDF (A4) and renders page 1 to PNG.
#[tokio::test]
async fn a_guide_prints_to_a4_without_the_site_chrome() {
    let Some(driver) = open(1280, true).await else {
        return;
    };
    let guide = page_types()
        .into_iter()
        .find(|p| p.starts_with("/guides/") && p.len() > 8)
        .unwrap();
    driver.goto(url(&guide)).await.unwrap();
    let params = thirtyfour::common::print::PrintParameters {
        page: thirtyfour::common::print::PrintPage {
            width: 21.0,
            height: 29.7,
        },
        ..Default::default()
    };
    let pdf = driver.print_page(params).await.unwrap();
    driver.quit().await.unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let file = artifacts("pdf").join("guide.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let info = Command::new("pdfinfo").arg(&file).output();
    let Ok(info) = info else {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdfinfo (poppler-utils) missing in CI"
        );
        return;
    };
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    assert!(info.contains("(A4)"), "{info}");
    let text = Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    assert!(text.contains("政策依据"), "sources are printed");
    assert!(
        !text.contains("跳到正文") && !text.contains("大字模式"),
        "no site chrome in print"
    );
    let _ = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1"])
        .arg(&file)
        .arg(artifacts("pdf").join("guide-page"))
        .status();
}
