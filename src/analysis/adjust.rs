//! Allowing for the pain before an exposure (SPEC §7.5). In a real journal pain steers what the
//! rider does: he rides less and easier on bad days, sleeps worse after them, takes pills on
//! them, and a bad day is usually followed by a better one. So every association compares an
//! exposure with the pain after it among days that *started from the same pain*: both sides are
//! residuals of a least-squares fit on what came before the exposure (Frisch–Waugh), and the
//! permutation test shuffles those residuals in whole weeks.
//!
//! What is allowed for, for an exposure on day d and pain on day d + k:
//! - the pain on d and d − 1 when k ≥ 1, on d − 1 and d − 2 when k = 0 (the same day's pain
//!   may be the exposure's consequence or its cause), as a level and, with enough days, in
//!   bands (0–1, 2, 3 … 7+), with a flag for a day not logged (its pain is then carried from
//!   the 3 days before, else the 4 weeks' mean);
//! - the training of the 2 days before d (so that a hard-easy rhythm does not show a real
//!   next-day effect mirrored on the other days);
//! - the slow drift: the mean pain of the 4 weeks before d and the usual load (the mean daily
//!   load of those 4 weeks);
//! - the outcome's day of the week;
//! - two or three days later, the pain of the days between.
//!
//! With few days fewer of these are used (one for each 6 days), most important first.

use super::lsq::Fit;
use super::permute::Design;

/// Days of data per covariate allowed for: with fewer, the fit would explain noise.
const DAYS_PER_COLUMN: usize = 6;
/// Fewest days that must carry an exposure's variation once the days before are allowed for
/// (the effective number of days, (Σa²)²/Σa⁴).
pub const MIN_EFFECTIVE: f64 = 10.0;
/// Covariates in a full row (see [`Frames::row`]).
const COLUMNS: usize = 23;
/// Share of an exposure's spread the weekday explains above which it is "locked" to it.
pub const LOCKED_SHARE: f64 = 0.9;

/// The pain and load around a window of days, with the covariates each day allows for.
pub struct Frames {
    /// Window day i is series day `from + i`.
    from: usize,
    len: usize,
    /// Weekday (0 = Monday) of window day 0.
    dow0: usize,
    pain: Vec<Option<f64>>,
    /// Days whose pain is known: a check-in, or a hint.
    known: Vec<bool>,
    load: Vec<f64>,
    filled: Vec<f64>,
    level: Vec<f64>,
    usual: Vec<f64>,
    fits: Vec<(usize, Vec<bool>, Fit)>,
    outcomes: Vec<Option<Outcome>>,
    /// The covariates of each lag over every window day, column by column (built once: the
    /// fits keep only which rows and columns they use, so ten years stay a few megabytes).
    mats: Vec<Option<Vec<[f64; COLUMNS]>>>,
}

/// The pain `k` days after each window day, less what the days before explain.
#[derive(Clone)]
pub struct Outcome {
    pub raw: Vec<Option<f64>>,
    pub resid: Vec<f64>,
    pub mask: Vec<bool>,
}

/// An association after allowing for the days before.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjusted {
    /// Days where both the exposure and the pain exist.
    pub n: usize,
    /// Partial correlation over those days; None without spread.
    pub r: Option<f64>,
    /// Points of pain per unit of the exposure (for a 0/1 exposure: the adjusted difference).
    pub slope: Option<f64>,
    /// The exposure is set by the day of the week: it cannot be told apart from the weekly
    /// rhythm.
    pub locked: bool,
    pub design: Design,
}

impl Frames {
    /// `pain` and `load` over the whole history; the window is series days `from..from+len`;
    /// `dow0` is the weekday of series day `from` (0 = Monday).
    pub fn new(pain: &[Option<f64>], load: &[f64], from: usize, dow0: usize) -> Frames {
        Frames::with_hints(pain, &[], load, from, dow0)
    }

    /// As [`Frames::new`], with `hints`: the pain logged before a session or a dose on days
    /// without a check-in, which stands in for the day's pain when it is allowed for (a day
    /// skipped in the journal is often one the rider still rode or took a pill on, and his
    /// pain steered both).
    pub fn with_hints(
        pain: &[Option<f64>],
        hints: &[Option<f64>],
        load: &[f64],
        from: usize,
        dow0: usize,
    ) -> Frames {
        let n = pain.len();
        let all: Vec<f64> = pain.iter().flatten().copied().collect();
        let global = if all.is_empty() {
            0.0
        } else {
            all.iter().sum::<f64>() / all.len() as f64
        };
        let (mut level, mut usual) = (vec![global; n], vec![0.0; n]);
        let (mut ps, mut pn, mut ls) = (0.0, 0usize, 0.0);
        for s in 0..n {
            if s >= 1 {
                if let Some(p) = pain[s - 1] {
                    ps += p;
                    pn += 1;
                }
                ls += load.get(s - 1).copied().unwrap_or(0.0);
            }
            if s >= 29 {
                if let Some(p) = pain[s - 29] {
                    ps -= p;
                    pn -= 1;
                }
                ls -= load.get(s - 29).copied().unwrap_or(0.0);
            }
            if pn >= 3 {
                level[s] = ps / pn as f64;
            }
            usual[s] = ls / s.clamp(1, 28) as f64;
        }
        let known = |t: usize| pain[t].or_else(|| hints.get(t).copied().flatten());
        let filled = (0..n)
            .map(|s| {
                (0..=3)
                    .filter_map(|b| s.checked_sub(b).and_then(known))
                    .next()
                    .unwrap_or(level[s])
            })
            .collect();
        let known_day = (0..n).map(|t| known(t).is_some()).collect();
        Frames {
            from,
            len: n.saturating_sub(from),
            dow0,
            pain: pain.to_vec(),
            known: known_day,
            load: load.to_vec(),
            filled,
            level,
            usual,
            fits: Vec::new(),
            outcomes: vec![None; 4],
            mats: vec![None; 4],
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Weekday (0 = Monday) of window day i.
    pub fn dow(&self, i: usize) -> usize {
        (self.dow0 + i) % 7
    }

    /// The covariates of window day i for lag k, most important first.
    #[cfg(test)]
    fn row(&self, i: usize, k: usize) -> Vec<f64> {
        let mut r = [0.0; COLUMNS];
        self.row_into(i, k, &mut r);
        r.to_vec()
    }

    fn row_into(&self, i: usize, k: usize, out: &mut [f64; COLUMNS]) {
        let s = self.from + i;
        let c0 = if k >= 1 { Some(s) } else { s.checked_sub(1) };
        let c1 = c0.and_then(|c| c.checked_sub(1));
        let fill = |c: Option<usize>| c.map_or(self.level[s], |c| self.filled[c]);
        let gap = |c: Option<usize>| f64::from(u8::from(c.is_none_or(|c| !self.known[c])));
        let p0 = fill(c0);
        let dow = self.dow(i + k);
        let band = (p0.round() as i64).clamp(1, 7) as usize;
        *out = [0.0; COLUMNS];
        out[..9].copy_from_slice(&[
            1.0,
            p0,
            fill(c1),
            self.level[s],
            gap(c0),
            gap(c1),
            self.usual[s],
            s.checked_sub(1).map_or(0.0, |t| self.load[t]),
            s.checked_sub(2).map_or(0.0, |t| self.load[t]),
        ]);
        // Weekday flags (Tuesday to Sunday) from slot 9, pain bands 2 to 7+ from slot 15.
        if dow >= 1 {
            out[8 + dow] = 1.0;
        }
        if band >= 2 {
            out[13 + band] = 1.0;
        }
        // Two or three days later: the pain of the days between as well, so that a bad day
        // that went unlogged (and held the training back) is not read as the training's doing.
        for j in 1..k.min(3) {
            out[20 + j] = self.filled.get(s + j).copied().unwrap_or(p0);
        }
    }

    /// The least-squares fit on the covariates of lag k over the days in `mask`.
    fn fit(&mut self, k: usize, mask: &[bool]) -> usize {
        if let Some(i) = self
            .fits
            .iter()
            .position(|(fk, fm, _)| *fk == k && fm == mask)
        {
            return i;
        }
        let rows: Vec<usize> = (0..mask.len()).filter(|&i| mask[i]).collect();
        let width = (rows.len() / DAYS_PER_COLUMN).clamp(1, COLUMNS);
        let fit = Fit::new(rows, self.matrix(k), width);
        self.fits.push((k, mask.to_vec(), fit));
        self.fits.len() - 1
    }

    /// The covariates of lag k over every window day (built on first use).
    fn matrix(&mut self, k: usize) -> &[[f64; COLUMNS]] {
        if self.mats[k].is_none() {
            let mut rows = vec![[0.0; COLUMNS]; self.len];
            for (i, row) in rows.iter_mut().enumerate() {
                self.row_into(i, k, row);
            }
            self.mats[k] = Some(rows);
        }
        self.mats[k].as_deref().unwrap_or_default()
    }

    /// `v` less its fit number `f` (of lag k).
    fn residual(&mut self, f: usize, k: usize, v: &[f64]) -> Vec<f64> {
        let len = self.len;
        self.matrix(k);
        let m = self.mats[k].as_deref().unwrap_or_default();
        self.fits[f].2.residual(m, v, len)
    }

    /// Pain k days after each window day, with its residual (computed once per k).
    pub fn outcome(&mut self, k: usize) -> &Outcome {
        if self.outcomes[k].is_some() {
            return self.outcomes[k].as_ref().expect("just checked");
        }
        let raw: Vec<Option<f64>> = (0..self.len)
            .map(|i| self.pain.get(self.from + i + k).copied().flatten())
            .collect();
        let mask: Vec<bool> = raw.iter().map(Option::is_some).collect();
        let f = self.fit(k, &mask);
        let v: Vec<f64> = raw.iter().map(|x| x.unwrap_or(0.0)).collect();
        let resid = self.residual(f, k, &v);
        self.outcomes[k].insert(Outcome { raw, resid, mask })
    }

    /// Exposure `x` (by window day) against the pain k days later, allowing for the days
    /// before the exposure.
    pub fn adjust(&mut self, k: usize, x: &[Option<f64>]) -> Adjusted {
        self.outcome(k);
        let ma: Vec<bool> = (0..self.len)
            .map(|i| x.get(i).copied().flatten().is_some())
            .collect();
        let locked = self.locked(x, &ma);
        let f = self.fit(k, &ma);
        let v: Vec<f64> = (0..self.len)
            .map(|i| x.get(i).copied().flatten().unwrap_or(0.0))
            .collect();
        let a = self.residual(f, k, &v);
        let y = self.outcomes[k].as_ref().expect("computed above");
        let design = Design {
            a,
            b: y.resid.clone(),
            ma,
            mb: y.mask.clone(),
        };
        let n = (0..self.len)
            .filter(|&i| design.ma[i] && design.mb[i])
            .count();
        let (mut ab, mut aa) = (0.0, 0.0);
        for i in 0..self.len {
            if design.ma[i] && design.mb[i] {
                ab += design.a[i] * design.b[i];
                aa += design.a[i] * design.a[i];
            }
        }
        // Relative to the raw exposure's spread, so rounding is not mistaken for signal.
        let raw_ss: f64 = v.iter().map(|x| x * x).sum::<f64>().max(1e-300);
        let spread = aa > raw_ss * 1e-9;
        // When the exposure, once allowed for, varies on only a handful of days (a workday
        // flag that is almost the weekday), those days decide alone: not enough to judge.
        let a4: f64 = (0..self.len)
            .filter(|&i| design.ma[i] && design.mb[i])
            .map(|i| design.a[i].powi(4))
            .sum();
        let effective = if a4 > 0.0 { aa * aa / a4 } else { 0.0 };
        let r = if spread && !locked && effective >= MIN_EFFECTIVE {
            design.correlation()
        } else {
            None
        };
        Adjusted {
            n,
            slope: r.map(|_| ab / aa),
            r,
            locked,
            design,
        }
    }

    /// Whether the weekday explains nearly all of `x`'s spread over the days it exists.
    fn locked(&self, x: &[Option<f64>], mask: &[bool]) -> bool {
        let (mut s, mut ss, mut n) = ([0.0; 7], [0.0; 7], [0usize; 7]);
        for i in (0..self.len).filter(|&i| mask[i]) {
            let v = x[i].unwrap_or(0.0);
            let d = self.dow(i);
            s[d] += v;
            ss[d] += v * v;
            n[d] += 1;
        }
        let total_n: usize = n.iter().sum();
        // With a few weeks any pattern looks weekly: judge the rhythm on 8 weeks or more.
        if total_n < 56 {
            return false;
        }
        let mean = s.iter().sum::<f64>() / total_n as f64;
        let total = ss.iter().sum::<f64>() - total_n as f64 * mean * mean;
        let within: f64 = (0..7)
            .filter(|&d| n[d] > 0)
            .map(|d| ss[d] - s[d] * s[d] / n[d] as f64)
            .sum();
        total > 1e-12 && 1.0 - within / total >= LOCKED_SHARE
    }
}

/// Average ranks of the present values (for exposures measured in hours or TSS).
pub fn ranked(x: &[Option<f64>]) -> Vec<Option<f64>> {
    let idx: Vec<usize> = (0..x.len()).filter(|&i| x[i].is_some()).collect();
    let vals: Vec<f64> = idx.iter().filter_map(|&i| x[i]).collect();
    let r = super::assoc::ranks(&vals);
    let mut out = vec![None; x.len()];
    for (k, &i) in idx.iter().enumerate() {
        out[i] = Some(r[k]);
    }
    out
}

/// What an association at lag k allows for, in the words of its sentence.
pub fn allows(k: usize) -> &'static str {
    if k >= 2 {
        "allowing for that day's pain and the days between, the pain and training of the days \
         before, the 4 weeks before and the weekday"
    } else if k == 0 {
        "allowing for the pain and training of the days before, the 4 weeks before and the weekday"
    } else {
        "allowing for that day's pain, the pain and training of the days before, the 4 weeks \
         before and the weekday"
    }
}

#[cfg(test)]
#[path = "adjust_tests.rs"]
mod tests;
