//! The two kinds of association as permutation designs (see `permute.rs`): a rank correlation
//! between two day series, and a comparison of an outcome's mean between two groups of days.
//! Each returns the figures the sentence shows and the design whose statistic is exactly that
//! figure (up to a constant factor) on the data as logged.

use super::assoc::ranks;
use super::permute::Design;

/// Mean of the present values, or None.
fn present_mean(v: &[Option<f64>]) -> Option<f64> {
    let (s, n) = v
        .iter()
        .flatten()
        .fold((0.0, 0usize), |(s, n), x| (s + x, n + 1));
    (n > 0).then(|| s / n as f64)
}

/// The outcome less its mean over present days; 0 on missing days.
pub fn centred(v: &[Option<f64>]) -> Vec<f64> {
    let m = present_mean(v).unwrap_or(0.0);
    v.iter().map(|x| x.map_or(0.0, |x| x - m)).collect()
}

/// A Spearman correlation with its design. `rho` is None when either side never varies.
#[derive(Debug, Clone, PartialEq)]
pub struct Corr {
    pub n: usize,
    pub rho: Option<f64>,
    pub design: Design,
}

/// Spearman's ρ over the days where both `x` and `y` are present (average ranks for ties);
/// the design pairs the centred ranks day by day.
pub fn correlation(x: &[Option<f64>], y: &[Option<f64>]) -> Corr {
    let days: Vec<usize> = (0..x.len().min(y.len()))
        .filter(|&i| x[i].is_some() && y[i].is_some())
        .collect();
    let n = days.len();
    let xs: Vec<f64> = days.iter().filter_map(|&i| x[i]).collect();
    let ys: Vec<f64> = days.iter().filter_map(|&i| y[i]).collect();
    let (rx, ry) = (ranks(&xs), ranks(&ys));
    let mid = (n as f64 + 1.0) / 2.0;
    let mut design = Design {
        a: vec![0.0; x.len()],
        b: vec![0.0; x.len()],
    };
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for (k, &i) in days.iter().enumerate() {
        let (a, b) = (rx[k] - mid, ry[k] - mid);
        design.a[i] = a;
        design.b[i] = b;
        sxx += a * a;
        syy += b * b;
        sxy += a * b;
    }
    let rho = (n >= 2 && sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt());
    Corr { n, rho, design }
}

/// The mean outcome of group A against group B.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub n_a: usize,
    pub n_b: usize,
    /// None when the group is empty.
    pub mean_a: Option<f64>,
    pub mean_b: Option<f64>,
    pub design: Design,
}

/// Compares `outcome` between group A (`in_a[d]` members on day d, e.g. sessions) and group B.
/// A member counts when the outcome of its day is present. The design weighs members
/// +1/n_a and −1/n_b against the centred outcome, so its statistic is mean A − mean B.
pub fn comparison(in_a: &[u32], in_b: &[u32], outcome: &[Option<f64>]) -> Comparison {
    let (mut sa, mut sb, mut na, mut nb) = (0.0, 0.0, 0usize, 0usize);
    for (i, y) in outcome.iter().enumerate() {
        if let Some(y) = y {
            let (ca, cb) = (in_a[i] as usize, in_b[i] as usize);
            sa += y * ca as f64;
            sb += y * cb as f64;
            na += ca;
            nb += cb;
        }
    }
    let wa = if na > 0 { 1.0 / na as f64 } else { 0.0 };
    let wb = if nb > 0 { 1.0 / nb as f64 } else { 0.0 };
    let a = in_a
        .iter()
        .zip(in_b)
        .map(|(&ca, &cb)| ca as f64 * wa - cb as f64 * wb)
        .collect();
    Comparison {
        n_a: na,
        n_b: nb,
        mean_a: (na > 0).then(|| sa / na as f64),
        mean_b: (nb > 0).then(|| sb / nb as f64),
        design: Design {
            a,
            b: centred(outcome),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_design_statistic_is_the_figure() {
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
        assert!((c.design.observed() - 8.0).abs() < 1e-12);
        assert_eq!(c.design.a[2], 0.0);

        // Group A: days 0 and 1 (day 1 twice); B: days 2, 3; day 4 in neither; day 3 missing.
        let out = [Some(4.0), Some(6.0), Some(1.0), None, Some(9.0)];
        let c = comparison(&[1, 2, 0, 0, 0], &[0, 0, 1, 1, 0], &out);
        // A: 4, 6, 6 → 5.33; B: 1 → 1.0 (the missing day does not count).
        assert_eq!((c.n_a, c.n_b), (3, 1));
        assert!((c.mean_a.unwrap() - 16.0 / 3.0).abs() < 1e-12);
        assert_eq!(c.mean_b, Some(1.0));
        assert!((c.design.observed() - (16.0 / 3.0 - 1.0)).abs() < 1e-12);
    }
}
