//! A return plan as stored (SPEC §14): its name, what it counts (hours or TSS), week 1's
//! target, the ramp and its first day; `stopped_on` once ended. The weeks are derived.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    /// `hours` or `tss`.
    pub unit: String,
    /// Week 1's target.
    pub target: f64,
    /// The weekly ramp as a fraction (0.1 for 10 %).
    pub ramp: f64,
    pub start_date: NaiveDate,
    pub stopped_on: Option<NaiveDate>,
}
