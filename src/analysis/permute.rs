//! Permutation p-values that keep the time structure (SPEC §7.5): whole Monday-to-Sunday weeks
//! of one side of an association (the exposure) are shuffled against the other (the pain), so
//! a weekly rhythm and day-to-day persistence stay intact in every shuffle. Seeded, so the same
//! journal always gives the same p.
//!
//! Each side comes with the days it exists on. The statistic is a correlation over the pairs
//! that exist *after* the shuffle, r = Σab / √(Σa²·[b exists] · Σb²·[a exists]), so a journal
//! with gaps is compared with shuffles that have gaps of their own, on one scale whatever their
//! number of pairs; partial weeks at a window's edges move like any other week and simply pair
//! fewer days. (Blanking the exposure where the pain was missing, as an earlier version did,
//! made the shuffles pair fewer days than the data and p far too small.)
//!
//! Sequential stopping (Besag & Clifford 1991): an association stops being shuffled once
//! [`STOP_AFTER`] shuffles have matched or beaten it, with p = h / l (l shuffles done). The
//! others run [`PERMUTATIONS`] shuffles, p = (g + 1) / (L + 1); those still too close to call
//! once the size of the family is known get more (see [`p_values`]).

use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::permute_kernel::{Padded, stats_of};

/// Shuffles for an association that no shuffle keeps up with.
pub const PERMUTATIONS: usize = 2000;
/// Shuffles at least as extreme as the data after which the p-value is clearly large.
pub const STOP_AFTER: usize = 20;
/// The most shuffles any association gets (see [`p_values`]).
pub const MAX_PERMUTATIONS: usize = 100_000;
/// The fixed seed: the same journal always gets the same p-values.
pub const SEED: u64 = 0x6261_636b_7472_6163; // "backtrac"

/// One association to test: its two sides day by day over the window (index 0 is the window's
/// first day) and the days each exists on. `a` is the side that is shuffled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Design {
    pub a: Vec<f64>,
    pub b: Vec<f64>,
    pub ma: Vec<bool>,
    pub mb: Vec<bool>,
}

impl Design {
    /// A design whose sides exist where they are not 0 (hand-made fixtures).
    pub fn dense(a: Vec<f64>, b: Vec<f64>) -> Design {
        let ma = a.iter().map(|x| *x != 0.0).collect();
        let mb = b.iter().map(|x| *x != 0.0).collect();
        Design { a, b, ma, mb }
    }

    /// The correlation over the pairs that exist, on the data as logged; None when either side
    /// has no spread over them.
    pub fn correlation(&self) -> Option<f64> {
        let (mut ab, mut aa, mut bb) = (0.0, 0.0, 0.0);
        for i in 0..self.a.len().min(self.b.len()) {
            let (ea, eb) = (self.ma[i], self.mb[i]);
            if ea && eb {
                ab += self.a[i] * self.b[i];
            }
            if eb {
                aa += self.a[i] * self.a[i] * f64::from(u8::from(ea));
            }
            if ea {
                bb += self.b[i] * self.b[i] * f64::from(u8::from(eb));
            }
        }
        (aa > 0.0 && bb > 0.0).then(|| ab / (aa * bb).sqrt())
    }
}

/// Two-sided p-values for `designs`, all over the same window whose first day is `offset` days
/// after a Monday (0 = Monday), with `family` the number of associations Holm's correction will
/// count. One shared sequence of shuffles serves every design, over the weeks in which any
/// design's `b` (the pain side) exists. A design with no spread gets p = 1.
///
/// Resolution for the family (issue 19, item 5): with 2,000 shuffles the smallest p is 1/2001,
/// which cannot pass Holm once more than 100 associations are tested. In a family of more than
/// about 50, an association whose p is at most α but not yet small enough for the whole family
/// is shuffled on, up to 10·family/α shuffles (at most [`MAX_PERMUTATIONS`]), so one that is clearly beyond chance can
/// pass whatever the number of tests. One whose p is already small enough for the whole family
/// (with a factor of two to spare) stops early: more shuffles cannot change its verdict.
pub fn p_values(designs: &[Design], offset: usize, seed: u64, family: usize) -> Vec<f64> {
    let Some(days) = designs.iter().map(|d| d.a.len().max(d.b.len())).max() else {
        return Vec::new();
    };
    let weeks = (offset + days).div_ceil(7).max(1);
    // Only weeks with some pain logged take part: a window reaching back before the journal
    // began must not count its empty weeks as places a week of data could have fallen.
    let active: Vec<usize> = (0..weeks)
        .filter(|&w| {
            designs.iter().any(|d| {
                (0..7).any(|k| {
                    (w * 7 + k)
                        .checked_sub(offset)
                        .and_then(|i| d.mb.get(i))
                        .is_some_and(|x| *x)
                })
            })
        })
        .collect();
    let padded: Vec<Option<Padded>> = designs
        .iter()
        .map(|d| Padded::new(d, offset, weeks, &active))
        .collect();
    // More shuffles only where 2,000 cannot resolve the family: past about 50 tests, 1/2001
    // with room to spare (a factor of 2) no longer passes Holm's bar for the smallest p.
    let alpha = super::chance::ALPHA;
    let short = 2.0 * family.max(1) as f64 / (PERMUTATIONS + 1) as f64 > alpha;
    let limit = if short {
        ((10.0 * family as f64 / alpha).ceil() as usize).clamp(PERMUTATIONS, MAX_PERMUTATIONS)
    } else {
        PERMUTATIONS
    };
    shuffled(&padded, active.len(), seed, limit, family.max(1))
}

/// The shuffle loop with sequential stopping. `padded[k]` is None for a design without spread
/// (p = 1). After [`PERMUTATIONS`] shuffles only the designs near the line go on, to `limit`.
fn shuffled(
    padded: &[Option<Padded>],
    weeks: usize,
    seed: u64,
    limit: usize,
    family: usize,
) -> Vec<f64> {
    let mut hits = vec![0usize; padded.len()];
    let mut runs = vec![0usize; padded.len()];
    let mut done: Vec<Option<f64>> = padded.iter().map(|p| p.is_none().then_some(1.0)).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut perm: Vec<u32> = (0..weeks as u32).collect();
    let alpha = super::chance::ALPHA;
    for l in 1..=limit {
        if (l - 1) % 100 == 0 && l > 1 {
            for k in 0..padded.len() {
                let p = (hits[k] + 1) as f64 / (runs[k] + 1) as f64;
                // Clearly small enough for the whole family (with room to spare): no more
                // shuffles can change the verdict. Past the first round, also stop those
                // clearly above α; only the candidates near the line go on.
                let m = family as f64;
                let passes = p * m <= alpha / 2.0;
                // Eight hits put p within about a third of its value: one that far above the
                // family's bar will not come under it, so it stops there, in the first round or
                // after.
                let far = hits[k] >= 8 && p * m > 1.5 * alpha;
                let fails = far || (l > PERMUTATIONS && p > alpha);
                if done[k].is_none() && (passes || fails) {
                    done[k] = Some(p);
                }
            }
        }
        if done.iter().all(Option::is_some) {
            break;
        }
        shuffle(&mut perm, &mut rng);
        for (k, p) in padded.iter().enumerate() {
            let Some(p) = p.as_ref().filter(|_| done[k].is_none()) else {
                continue;
            };
            runs[k] = l;
            if p.extreme(&perm) {
                hits[k] += 1;
                if hits[k] == STOP_AFTER {
                    done[k] = Some(STOP_AFTER as f64 / l as f64);
                }
            }
        }
    }
    (0..padded.len())
        .map(|k| done[k].unwrap_or((hits[k] + 1) as f64 / (runs[k] + 1) as f64))
        .collect()
}

/// The correlation of a design as the shuffles compute it (f32 sums over whole weeks), for
/// tests that check the kernel against [`Design::correlation`].
pub fn kernel_correlation(d: &Design, offset: usize) -> Option<f64> {
    let weeks = (offset + d.a.len().max(d.b.len())).div_ceil(7).max(1);
    let all: Vec<usize> = (0..weeks).collect();
    let p = Padded::new(d, offset, weeks, &all)?;
    let identity: Vec<u32> = (0..weeks as u32).collect();
    let (ab, aa, bb) = stats_of(&p, &identity);
    (aa > 0.0 && bb > 0.0).then(|| ab / (aa * bb).sqrt())
}

/// Fisher–Yates on the previous order: a uniform random order of the weeks each time. The
/// index comes from the high half of a 64-bit draw times the range (Lemire's method without
/// the rejection step: its bias, under 2⁻⁵⁰ for a journal's weeks, is far below what the
/// shuffles can see, and one draw per week keeps the shuffle cheaper than the statistics).
fn shuffle(perm: &mut [u32], rng: &mut ChaCha8Rng) {
    for i in (1..perm.len()).rev() {
        let j = ((u128::from(rng.next_u64()) * (i as u128 + 1)) >> 64) as usize;
        perm.swap(i, j);
    }
}

/// Holm's step-down adjustment: p-values that account for how many associations were tested
/// in the same run. Adjusted p ≤ α means the association survives at family-wise level α.
pub fn holm(p: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&i, &j| p[i].total_cmp(&p[j]).then(i.cmp(&j)));
    let mut out = vec![0.0; m];
    let mut running: f64 = 0.0;
    for (rank, &i) in order.iter().enumerate() {
        running = running.max(((m - rank) as f64 * p[i]).min(1.0));
        out[i] = running;
    }
    out
}

#[cfg(test)]
#[path = "permute_tests.rs"]
pub(crate) mod tests;
