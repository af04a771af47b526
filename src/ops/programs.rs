//! Finding a program on PATH as a shell would: the browser that prints the report's PDF and
//! the `systemctl`, `crontab` and `notify-send` of `remind`. One lookup, so both agree on
//! what counts as there (an executable file).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// The first executable file `name` in the folders of `path` (a PATH value).
pub fn on_path(name: &str, path: Option<&OsStr>) -> Option<PathBuf> {
    std::env::split_paths(path?)
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
}

/// [`on_path`] with this process's PATH.
pub fn on_this_path(name: &str) -> Option<PathBuf> {
    on_path(name, std::env::var_os("PATH").as_deref())
}

fn is_executable(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        p.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        p.is_file()
    }
}
