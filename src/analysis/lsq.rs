//! Least squares for the adjustment of `adjust.rs`: the residual of a day series on a set of
//! covariates over some of its days, by the normal equations and a Cholesky factor.

/// A least-squares fit over some rows of a matrix (a row a day, `N` covariates, the first
/// `width` of them used): which rows, which columns, and the Cholesky factor of their
/// cross-products there (the normal equations, accumulated row by row so the inner loops run
/// over contiguous memory). A column that adds nothing new there (constant, a copy of another,
/// a weekday never seen) is left out. The matrix stays with the caller, shared by every fit.
pub struct Fit {
    rows: Vec<usize>,
    pub(crate) kept: Vec<usize>,
    /// Lower-triangular factor of the kept columns' cross-products, row by row.
    l: Vec<Vec<f64>>,
}

impl Fit {
    pub fn new<const N: usize>(rows: Vec<usize>, all: &[[f64; N]], width: usize) -> Fit {
        let w = width.min(N);
        // The cross-products of the first w columns over the rows, lower triangle.
        let mut g = vec![[0.0f64; N]; w];
        for &i in &rows {
            let r = &all[i];
            for a in 0..w {
                let ra = r[a];
                for (gb, rb) in g[a][..=a].iter_mut().zip(&r[..=a]) {
                    *gb += ra * rb;
                }
            }
        }
        let (mut kept, mut l): (Vec<usize>, Vec<Vec<f64>>) = (Vec::new(), Vec::new());
        for (c, gc) in g.iter().enumerate() {
            let gcc = gc[c];
            // Forward substitution: this column's row of the factor.
            let mut row = Vec::with_capacity(kept.len() + 1);
            for (j, lj) in l.iter().enumerate() {
                let s: f64 = (0..j).map(|k| row[k] * lj[k]).sum();
                row.push((gc[kept[j]] - s) / lj[j]);
            }
            let d = gcc - row.iter().map(|x| x * x).sum::<f64>();
            // What is left of the column once the others are taken out, relative to it.
            if gcc > 0.0 && d > 1e-10 * gcc {
                row.push(d.sqrt());
                l.push(row);
                kept.push(c);
            }
        }
        Fit { rows, kept, l }
    }

    /// `v` (by day) less its fit on `all` (the matrix the fit was made on), over the rows;
    /// 0 elsewhere.
    pub fn residual<const N: usize>(&self, all: &[[f64; N]], v: &[f64], len: usize) -> Vec<f64> {
        let p = self.kept.len();
        let mut b = vec![0.0; p];
        for &i in &self.rows {
            let (r, y) = (&all[i], v[i]);
            for (bk, &c) in b.iter_mut().zip(&self.kept) {
                *bk += r[c] * y;
            }
        }
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
        let mut out = vec![0.0; len];
        for &i in &self.rows {
            let r = &all[i];
            let fitted: f64 = self.kept.iter().zip(&beta).map(|(&c, bc)| r[c] * bc).sum();
            out[i] = v[i] - fitted;
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
        let m: Vec<[f64; 3]> = (0..8).map(|i| [1.0, x1[i], x1[i]]).collect();
        let fit = Fit::new((0..8).collect(), &m, 3);
        assert_eq!(fit.kept, vec![0, 1]);
        let r = fit.residual(&m, &y, 8);
        for (a, b) in r.iter().zip(extra) {
            assert!((a - b).abs() < 1e-9, "{r:?}");
        }
    }
}
