//! One line per request, as nginx's access log keeps it: `time method path status ms`.
//!
//! Each worker thread writes its lines into its own buffer and hands the buffer to stdout
//! when it passes `FLUSH_BYTES` or every `FLUSH_EVERY` (nginx's `access_log … buffer=`):
//! no formatting machinery, no channel and no wake-up of another thread per request, which
//! cost about a tenth of a page served from memory. Lines wait at most about a second; a
//! thread's buffer is also written when the thread ends (shutdown). `RUST_LOG` still
//! decides: the lines are written when `info` is enabled, as before.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::io::Write as _;
use std::time::{Duration, Instant, SystemTime};

/// A buffer is written out when it holds this much.
const FLUSH_BYTES: usize = 16 * 1024;
/// …or when its oldest line is this old (checked by a timer on each worker).
pub const FLUSH_EVERY: Duration = Duration::from_secs(1);

struct Buffer {
    text: String,
    /// When the buffer was last written out.
    flushed: Instant,
    /// The second `stamp` shows, and the stamp (`2026-12-01T22:25:23Z`).
    second: u64,
    stamp: String,
    /// Whether request lines are wanted (`RUST_LOG`), read once per thread.
    enabled: bool,
    /// Whether this worker's flush timer was started.
    timer: bool,
}

impl Buffer {
    fn new() -> Buffer {
        Buffer {
            text: String::with_capacity(FLUSH_BYTES + 256),
            flushed: Instant::now(),
            second: u64::MAX,
            stamp: String::new(),
            enabled: tracing::enabled!(tracing::Level::INFO),
            timer: false,
        }
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            // A log line that cannot be written is dropped, as tracing's writer would.
            let _ = std::io::stdout().lock().write_all(self.text.as_bytes());
            self.text.clear();
        }
        self.flushed = Instant::now();
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        self.flush();
    }
}

thread_local! {
    static BUFFER: RefCell<Buffer> = RefCell::new(Buffer::new());
}

/// Appends the line for one request to `out`, the time shown to the second.
fn format_line(
    out: &mut String,
    stamp: &str,
    method: &str,
    path: &str,
    status: u16,
    took: Duration,
) {
    let micros = took.as_micros();
    // Writing into a String cannot fail.
    let _ = writeln!(
        out,
        "{stamp} {method} {path} {status} {}.{:02}ms",
        micros / 1000,
        (micros % 1000) / 10
    );
}

/// The UTC time of `second` since the epoch as `2026-12-01T22:25:23Z`.
fn stamp_of(second: u64) -> String {
    chrono::DateTime::from_timestamp(i64::try_from(second).unwrap_or(0), 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// Logs one request. Returns whether this worker still needs its flush timer started (the
/// first request on each thread).
pub fn record(method: &str, path: &str, status: u16, took: Duration) -> bool {
    BUFFER.with(|b| {
        let mut b = b.borrow_mut();
        if !b.enabled {
            return false;
        }
        let now = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        if now != b.second {
            b.second = now;
            b.stamp = stamp_of(now);
        }
        let Buffer { text, stamp, .. } = &mut *b;
        format_line(text, stamp, method, path, status, took);
        if b.text.len() >= FLUSH_BYTES || b.flushed.elapsed() >= FLUSH_EVERY {
            b.flush();
        }
        !std::mem::replace(&mut b.timer, true)
    })
}

/// Writes out this thread's lines if the oldest may be a second old (the worker's timer).
pub fn flush_if_due() {
    BUFFER.with(|b| {
        let mut b = b.borrow_mut();
        if b.flushed.elapsed() >= FLUSH_EVERY {
            b.flush();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_holds_time_method_path_status_and_milliseconds() {
        let mut out = String::new();
        let stamp = stamp_of(1_796_165_123);
        assert_eq!(stamp, "2026-12-01T22:45:23Z");
        format_line(
            &mut out,
            &stamp,
            "GET",
            "/faq/x",
            200,
            Duration::from_micros(1_234),
        );
        format_line(&mut out, &stamp, "HEAD", "/", 304, Duration::from_micros(7));
        assert_eq!(
            out,
            "2026-12-01T22:45:23Z GET /faq/x 200 1.23ms\n2026-12-01T22:45:23Z HEAD / 304 0.00ms\n"
        );
    }
}
