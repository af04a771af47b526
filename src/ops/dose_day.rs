//! What a stored dose did to its day, as facts: the day's total, the medication's max and
//! whether the write was forced past it. `ops` says no words about being over the max; each
//! front end words it (the CLI names `--force`; the app, after its own question, does not).

/// A dose's day after a dose was stored or corrected.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DoseDay {
    /// The day's total of the drug, in its unit, with this dose.
    pub total: f64,
    pub max: Option<f64>,
    /// Stored past the max check (`--force`, or a yes to the app's question).
    pub forced: bool,
}

impl DoseDay {
    /// The day's total is over the medication's max (a small tolerance for sums of decimals).
    pub fn over_max(&self) -> bool {
        self.max.is_some_and(|m| self.total > m + 1e-9)
    }
}

#[cfg(test)]
mod tests {
    use super::DoseDay;

    #[test]
    fn over_the_max_only_above_it_and_only_with_a_max() {
        let day = |total, max| DoseDay {
            total,
            max,
            forced: false,
        };
        assert!(day(1600.0, Some(1200.0)).over_max());
        assert!(
            !day(1200.0, Some(1200.0)).over_max(),
            "at the max is within it"
        );
        assert!(!day(0.1 + 0.2, Some(0.3)).over_max(), "decimal sums");
        assert!(!day(5000.0, None).over_max(), "no max set");
    }
}
