//! Views (SPEC §11): what each screen and the report show, loaded through the repo for a date
//! range, with every figure from `analysis`. The app renders from them; `show`, `stats` and the
//! clinician report use the same ones, so a figure is the same wherever it appears.

pub mod insights;
pub mod journal;
pub mod logs;
pub mod plan;
pub mod report;
pub mod scores;
pub mod week;
