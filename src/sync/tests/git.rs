//! The git carrier against a bare repository in a temp dir: two clones push their own
//! folders; a push rejected because the other pushed first is retried after a pull, and no
//! merge conflict can occur since each device adds files only under its own folder.

use std::process::Command;

use crate::sync::git;

#[test]
fn a_rejected_push_is_retried_after_a_pull() {
    let dir = tempfile::tempdir().unwrap();
    let bare = dir.path().join("remote.git");
    let status = Command::new("git")
        .args(["init", "--quiet", "--bare"])
        .arg(&bare)
        .status()
        .expect("git on PATH");
    assert!(status.success());
    let remote = bare.to_str().unwrap();
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    git::clone(remote, &one).unwrap();
    std::fs::create_dir_all(one.join("devices/aa")).unwrap();
    std::fs::write(one.join("devices/aa/seg-0000000001.age"), b"one").unwrap();
    git::push(&one, "aa").unwrap();
    // The second clone is made before the first pushes again...
    git::clone(remote, &two).unwrap();
    std::fs::create_dir_all(one.join("devices/aa")).unwrap();
    std::fs::write(one.join("devices/aa/seg-0000000002.age"), b"one again").unwrap();
    git::push(&one, "aa").unwrap();
    // ...so its push is refused at first, then goes through after a pull.
    std::fs::create_dir_all(two.join("devices/bb")).unwrap();
    std::fs::write(two.join("devices/bb/seg-0000000001.age"), b"two").unwrap();
    git::push(&two, "bb").unwrap();
    let out = Command::new("git")
        .arg("-C")
        .arg(&bare)
        .args(["ls-tree", "-r", "--name-only", "HEAD"])
        .output()
        .unwrap();
    let files = String::from_utf8_lossy(&out.stdout);
    for f in [
        "devices/aa/seg-0000000001.age",
        "devices/aa/seg-0000000002.age",
        "devices/bb/seg-0000000001.age",
    ] {
        assert!(files.contains(f), "{f} missing from the remote: {files}");
    }
    assert!(
        two.join("devices/aa/seg-0000000002.age").exists(),
        "the pull brought it"
    );
}
