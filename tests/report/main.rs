//! End-to-end tests of `backtrack report`: its figures against `stats --since`, the HTML's
//! structure and self-containment, a snapshot, and printing in a real headless Chromium.

#[path = "../cli/common.rs"]
#[allow(dead_code)]
mod common;

#[path = "../support/skip.rs"]
mod skip;

mod browser;
mod clinical;
mod doc;
mod figures;
mod html;
mod layers;
mod meds;
mod outcomes;
mod page1;
mod print;
