//! Printing the report to PDF with a Chromium or Chrome found on PATH (headless, a throwaway
//! profile and a home of its own in a temporary folder, every background service off).
//! backtrack itself fetches nothing; the browser only opens the local file.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// Browser names looked for on PATH, in order.
pub const BROWSERS: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
];

/// How long the browser may take before it is stopped.
const TIMEOUT: Duration = Duration::from_secs(120);

/// The first browser of [`BROWSERS`] on `path` (the value of PATH).
pub fn find_browser(path: Option<OsString>) -> Option<PathBuf> {
    BROWSERS
        .iter()
        .find_map(|name| crate::ops::programs::on_path(name, path.as_deref()))
}

/// The one line said when no browser is found.
pub fn no_browser_message() -> String {
    format!(
        "no Chromium or Chrome found on PATH (looked for {}); the HTML report is written, print it from a browser",
        BROWSERS.join(", ")
    )
}

/// The `file://` URL of an absolute path, percent-encoded: a `#`, `%` or `?` in a folder's
/// name stays part of the path instead of opening another URL.
pub fn file_url(path: &Path) -> Result<String> {
    url::Url::from_file_path(path)
        .map(String::from)
        .map_err(|()| anyhow::anyhow!("{} is not an absolute path", path.display()))
}

/// Prints `html` to `pdf` with `browser`. The browser prints to a temporary name beside the
/// target; the PDF then goes into place through the one private, atomic file writer
/// ([`crate::repo::atomic_file`], mode 0600), so a failed print leaves no half file.
pub fn print_pdf(browser: &Path, html: &Path, pdf: &Path) -> Result<()> {
    let html = std::path::absolute(html)?;
    let pdf = std::path::absolute(pdf)?;
    let dir = pdf.parent().context("the PDF path has no folder")?;
    let profile = tempfile::Builder::new()
        .prefix("backtrack-chromium-")
        .tempdir()?;
    let out = tempfile::Builder::new()
        .prefix(".backtrack-report-")
        .suffix(".pdf")
        .tempfile_in(dir)?;
    let log = profile.path().join("stderr.log");
    let mut arg = OsString::from("--print-to-pdf=");
    arg.push(out.path());
    let mut user = OsString::from("--user-data-dir=");
    user.push(profile.path().join("profile"));
    let url = file_url(&html)?;
    let mut child = Command::new(browser);
    home_of_its_own(&mut child, profile.path())?;
    let child = child
        .args(FLAGS)
        .arg(user)
        .arg(arg)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log)?)
        .spawn()
        .with_context(|| format!("could not start {}", browser.display()))?;
    let status = wait_or_stop(child, browser)?;
    // The browser may replace the file rather than write into it: ask the path, not the handle.
    let written = std::fs::metadata(out.path()).map_or(0, |m| m.len());
    if !status.success() || written == 0 {
        let err = std::fs::read_to_string(&log).unwrap_or_default();
        let last = err
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        bail!(
            "{} could not print the PDF ({status}): {last}",
            browser.display()
        );
    }
    let printed = std::fs::read(out.path())?;
    crate::repo::atomic_file::write_private(&pdf, &printed)?;
    Ok(())
}

/// Headless, no sandbox to set up, and every background service off: the browser only opens
/// the local file.
const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-pdf-header-footer",
    "--disable-crash-reporter",
];

/// Chromium also writes beside its profile: `~/.config/chromium`, `~/.cache/dconf`, `~/.pki`.
/// A home of its own inside the throwaway folder `profile` keeps the user's home untouched.
fn home_of_its_own(child: &mut Command, profile: &Path) -> Result<()> {
    let home = profile.join("home");
    for (var, sub) in [
        ("HOME", ""),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_RUNTIME_DIR", "run"),
    ] {
        let dir = home.join(sub);
        std::fs::create_dir_all(&dir)?;
        #[cfg(unix)]
        {
            // XDG_RUNTIME_DIR must be the user's alone; the rest may as well be.
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
        }
        child.env(var, dir);
    }
    Ok(())
}

/// Waits for the browser to end; one that takes longer than [`TIMEOUT`] is stopped.
fn wait_or_stop(mut child: Child, browser: &Path) -> Result<ExitStatus> {
    let started = Instant::now();
    loop {
        if let Some(s) = child.try_wait()? {
            return Ok(s);
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "{} did not finish printing within {} s",
                browser.display(),
                TIMEOUT.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_browser_only_when_one_is_on_path() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(find_browser(Some(dir.path().as_os_str().to_owned())), None);
        assert_eq!(find_browser(None), None);
        let fake = dir.path().join("google-chrome");
        std::fs::write(&fake, "#!/bin/sh\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Not executable yet: not a browser.
            assert_eq!(find_browser(Some(dir.path().as_os_str().to_owned())), None);
            std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        assert_eq!(
            find_browser(Some(dir.path().as_os_str().to_owned())),
            Some(fake)
        );
        assert!(no_browser_message().contains("chromium"));
    }

    /// Issue 25 item 12: a `#` or `%` in a folder's name is part of the path, not a fragment
    /// or an escape the browser would read as another file.
    #[test]
    fn the_pdf_url_keeps_a_hash_and_a_percent_in_the_path() {
        let url = file_url(Path::new("/home/me/Reports #2/50% done/r.html")).unwrap();
        assert_eq!(url, "file:///home/me/Reports%20%232/50%25%20done/r.html");
        assert!(file_url(Path::new("relative.html")).is_err());
    }
}
