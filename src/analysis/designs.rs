//! The plain (unadjusted) rank correlation of two day series over the days both exist, kept in
//! `--json` beside the adjusted figure so the two can be compared.

use super::assoc::spearman;

/// A plain Spearman correlation and the days it rests on. `rho` is None when either side
/// never varies.
#[derive(Debug, Clone, PartialEq)]
pub struct Corr {
    pub n: usize,
    pub rho: Option<f64>,
}

/// Spearman's ρ over the days where both `x` and `y` are present (average ranks for ties).
pub fn correlation(x: &[Option<f64>], y: &[Option<f64>]) -> Corr {
    let (xs, ys): (Vec<f64>, Vec<f64>) = (0..x.len().min(y.len()))
        .filter_map(|i| Some((x[i]?, y[i]?)))
        .unzip();
    Corr {
        n: xs.len(),
        rho: spearman(&xs, &ys),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_days_with_both_count() {
        let x = [Some(1.0), Some(2.0), None, Some(3.0), Some(4.0), Some(5.0)];
        let y = [
            Some(5.0),
            Some(6.0),
            Some(9.0),
            Some(7.0),
            Some(8.0),
            Some(7.0),
        ];
        let c = correlation(&x, &y);
        // The pairs of assoc::spearman_worked_by_hand: 8 / √95.
        assert_eq!(c.n, 5);
        assert!((c.rho.unwrap() - 8.0 / 95f64.sqrt()).abs() < 1e-12);
        assert_eq!(correlation(&x[..1], &y[..1]).rho, None);
    }
}
