//! The fit that says what change to expect after a day, from where it started (see
//! `before_after.rs`): least squares of the change on the pain of the last 4 days, of the last
//! week, of the days before and the drift, made again without the days it fits worst.

/// Least squares of change ~ 1 + start + week + before + drift; None when singular.
fn line(rows: &[(f64, [f64; 4])]) -> Option<[f64; 5]> {
    const P: usize = 5;
    let mut m = [[0.0; P + 1]; P];
    for (y, z) in rows {
        let x = [1.0, z[0], z[1], z[2], z[3]];
        for i in 0..P {
            for j in 0..P {
                m[i][j] += x[i] * x[j];
            }
            m[i][P] += x[i] * y;
        }
    }
    for c in 0..P {
        let piv = (c..P).max_by(|&a, &b| m[a][c].abs().total_cmp(&m[b][c].abs()))?;
        if m[piv][c].abs() < 1e-9 {
            continue;
        }
        m.swap(c, piv);
        let pivot = m[c];
        for (r, row) in m.iter_mut().enumerate() {
            if r != c {
                let f = row[c] / pivot[c];
                for (x, p) in row.iter_mut().zip(pivot).skip(c) {
                    *x -= f * p;
                }
            }
        }
    }
    // A predictor that never varies (or copies another) gets no weight.
    Some(std::array::from_fn(|i| {
        if m[i][i].abs() < 1e-9 {
            0.0
        } else {
            m[i][P] / m[i][i]
        }
    }))
}

/// The fit without the days it fits worst: after a first fit, days whose change is more than
/// three robust standard deviations (1.4826 × the median absolute residual) from it are left
/// out and the fit is made again, so that an injury's onset (a steep rise no pain level
/// foretells) does not bend the line for every other day. They still count in the p.
pub fn robust_line(rows: &[(f64, [f64; 4])]) -> Option<[f64; 5]> {
    let mut k = line(rows)?;
    for _ in 0..2 {
        let mut res: Vec<f64> = rows
            .iter()
            .map(|(c, z)| (c - predict(&k, z)).abs())
            .collect();
        res.sort_by(f64::total_cmp);
        let sigma = 1.4826 * res[res.len() / 2];
        if sigma <= 0.0 {
            break;
        }
        let kept: Vec<(f64, [f64; 4])> = rows
            .iter()
            .filter(|(c, z)| (c - predict(&k, z)).abs() <= 3.0 * sigma)
            .copied()
            .collect();
        match line(&kept) {
            Some(next) if kept.len() >= super::before_after::MIN_REFERENCE => k = next,
            _ => break,
        }
    }
    Some(k)
}

pub fn predict(k: &[f64; 5], z: &[f64; 4]) -> f64 {
    k[0] + k[1] * z[0] + k[2] * z[1] + k[3] * z[2] + k[4] * z[3]
}

/// How far each reference day, and last the event, lies from the reference days' centre in
/// their own spread (the squared Mahalanobis distance over where each started: the pain of the
/// last 4 days, of the last week, of the days before and the drift). A day further out than
/// nearly all of them is one the fit can only extrapolate to.
pub fn distances(rows: &[(f64, [f64; 4])], z: &[f64; 4]) -> Vec<f64> {
    let n = rows.len().max(1) as f64;
    let mut mean = [0.0; 4];
    for (_, x) in rows {
        for (m, v) in mean.iter_mut().zip(x) {
            *m += v / n;
        }
    }
    let mut cov = [[0.0; 4]; 4];
    for (_, x) in rows {
        for i in 0..4 {
            for j in 0..4 {
                cov[i][j] += (x[i] - mean[i]) * (x[j] - mean[j]) / n;
            }
        }
    }
    // A predictor that never varies (no drift yet) would make the spread singular.
    let ridge = 1e-6 * (0..4).map(|i| cov[i][i]).sum::<f64>().max(1e-9);
    for (i, row) in cov.iter_mut().enumerate() {
        row[i] += ridge;
    }
    let far = |x: &[f64; 4]| {
        let v: [f64; 4] = std::array::from_fn(|i| x[i] - mean[i]);
        // Gauss-Jordan on [cov | v]: the solution w of cov·w = v, and the distance v·w.
        let mut m = [[0.0; 5]; 4];
        for i in 0..4 {
            m[i][..4].copy_from_slice(&cov[i]);
            m[i][4] = v[i];
        }
        for c in 0..4 {
            let piv = m[c][c];
            if piv.abs() < 1e-15 {
                continue;
            }
            let pivot = m[c];
            for (r, row) in m.iter_mut().enumerate() {
                if r != c {
                    let f = row[c] / piv;
                    for (x, p) in row.iter_mut().zip(pivot).skip(c) {
                        *x -= f * p;
                    }
                }
            }
        }
        (0..4)
            .filter(|&i| m[i][i].abs() >= 1e-15)
            .map(|i| v[i] * m[i][4] / m[i][i])
            .sum::<f64>()
    };
    rows.iter().map(|(_, x)| far(x)).chain([far(z)]).collect()
}
