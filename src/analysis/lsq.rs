//! Least squares for the adjustment of `adjust.rs`: the residual of a day series on a set of
//! covariates over some of its days, by the normal equations and a Cholesky factor.

/// A least-squares fit over some rows: the covariates there and the Cholesky factor of their
/// cross-products (the normal equations: half the work of an orthonormal basis, which matters
/// over ten years of days). A covariate that adds nothing new (a constant column, a copy of
/// another, a weekday never seen) is left out.
pub struct Fit {
    rows: Vec<usize>,
    pub(crate) cols: Vec<Vec<f64>>,
    /// Lower-triangular factor of colsᵀcols, row by row.
    l: Vec<Vec<f64>>,
}

impl Fit {
    pub fn new(rows: Vec<usize>, all: &[Vec<f64>]) -> Fit {
        let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
        let (mut cols, mut l): (Vec<Vec<f64>>, Vec<Vec<f64>>) = (Vec::new(), Vec::new());
        for c in all {
            let g: Vec<f64> = cols.iter().map(|k: &Vec<f64>| dot(k, c)).collect();
            let gcc = dot(c, c);
            // Forward substitution: this column's row of the factor.
            let mut row = Vec::with_capacity(cols.len() + 1);
            for (j, lj) in l.iter().enumerate() {
                let s: f64 = (0..j).map(|k| row[k] * lj[k]).sum();
                row.push((g[j] - s) / lj[j]);
            }
            let d = gcc - row.iter().map(|x| x * x).sum::<f64>();
            // What is left of the column once the others are taken out, relative to it.
            if gcc > 0.0 && d > 1e-10 * gcc {
                row.push(d.sqrt());
                l.push(row);
                cols.push(c.clone());
            }
        }
        Fit { rows, cols, l }
    }

    /// `v` (by window day) less its fit, over the rows; 0 elsewhere.
    pub fn residual(&self, v: &[f64], len: usize) -> Vec<f64> {
        let y: Vec<f64> = self.rows.iter().map(|&i| v[i]).collect();
        let p = self.cols.len();
        let b: Vec<f64> = self
            .cols
            .iter()
            .map(|c| c.iter().zip(&y).map(|(a, b)| a * b).sum())
            .collect();
        // L z = b, then Lᵀ β = z.
        let mut z = vec![0.0; p];
        for i in 0..p {
            let s: f64 = (0..i).map(|k| self.l[i][k] * z[k]).sum();
            z[i] = (b[i] - s) / self.l[i][i];
        }
        let mut beta = vec![0.0; p];
        for i in (0..p).rev() {
            let s: f64 = (i + 1..p).map(|k| self.l[k][i] * beta[k]).sum();
            beta[i] = (z[i] - s) / self.l[i][i];
        }
        let mut r = y;
        for (c, bi) in self.cols.iter().zip(&beta) {
            for (x, ci) in r.iter_mut().zip(c) {
                *x -= bi * ci;
            }
        }
        let mut out = vec![0.0; len];
        for (k, &i) in self.rows.iter().enumerate() {
            out[i] = r[k];
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Fit;

    #[test]
    fn the_fit_leaves_what_the_covariates_cannot_explain() {
        // y = 2 + 3·x1 exactly, plus a part orthogonal to both x1 and the constant: the
        // residual is that part, and a copy of x1 adds nothing (left out, not divided by 0).
        let x1: Vec<f64> = (0..8).map(f64::from).collect();
        let extra = [1.0, -1.0, -1.0, 1.0, 1.0, -1.0, -1.0, 1.0];
        let y: Vec<f64> = (0..8).map(|i| 2.0 + 3.0 * x1[i] + extra[i]).collect();
        let fit = Fit::new((0..8).collect(), &[vec![1.0; 8], x1.clone(), x1]);
        assert_eq!(fit.cols.len(), 2);
        let r = fit.residual(&y, 8);
        for (a, b) in r.iter().zip(extra) {
            assert!((a - b).abs() < 1e-9, "{r:?}");
        }
    }
}
