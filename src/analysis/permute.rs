//! Permutation p-values that keep the time structure (issue 12): whole Monday-to-Sunday weeks
//! of one side of an association are shuffled against the other, so a weekly rhythm (long
//! rides on Saturdays, sitting on workdays) and day-to-day persistence stay intact in every
//! shuffle. Seeded, so the same journal always gives the same p.
//!
//! Every association is written as a linear statistic T = Σ_d a[d]·b[d] over the window's days
//! (0 where a value is missing): centred ranks for correlations, ±1/n weights against a centred
//! outcome for comparisons of means. Ranks and weights are computed once; a shuffle only
//! re-pairs weeks, so one shuffle costs one pass of multiply-adds per association.
//!
//! Sequential stopping (Besag & Clifford 1991): an association stops being shuffled once
//! [`STOP_AFTER`] shuffles have matched or beaten it, with p = h / l (l shuffles done). The
//! others run all [`PERMUTATIONS`] shuffles, with p = (g + 1) / (L + 1).

use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Shuffles for an association that no shuffle keeps up with.
pub const PERMUTATIONS: usize = 2000;
/// Shuffles at least as extreme as the data after which the p-value is clearly large.
pub const STOP_AFTER: usize = 20;
/// The fixed seed: the same journal always gets the same p-values.
pub const SEED: u64 = 0x6261_636b_7472_6163; // "backtrac"

/// Slots per week in the padded layout: 7 days and one zero, so that a week is one block of
/// eight lanes the compiler turns into vector multiply-adds.
const LANES: usize = 8;

/// One week of one side, Monday first, the eighth slot always 0.
type Week = [f32; LANES];

/// Shuffled sums are taken in f32 (twice the lanes per instruction). A shuffle whose |T| is
/// within this fraction of the data's counts as "as extreme": the sums' rounding (about 1e-5
/// of T) must not turn an exact tie into a miss. It can only make p larger, never smaller.
const TIE: f64 = 1e-4;

/// One association to test: its two sides, day by day over the window (index 0 is the
/// window's first day), 0.0 where a value is missing or the day is not in the comparison.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Design {
    pub a: Vec<f64>,
    pub b: Vec<f64>,
}

impl Design {
    /// The statistic on the data as logged.
    pub fn observed(&self) -> f64 {
        self.a.iter().zip(&self.b).map(|(x, y)| x * y).sum()
    }
}

/// A design laid out in whole weeks, ready to shuffle.
struct Padded {
    a: Vec<Week>,
    b: Vec<Week>,
    /// |T| of the data (in the same f32 sums as the shuffles), less the tie allowance.
    bar: f64,
}

/// `v` in weeks; each side is scaled to a root-mean-square of 1 first, which leaves p alone
/// and keeps the f32 sums far from overflow and underflow.
fn pad(v: &[f64], offset: usize, weeks: usize) -> Vec<Week> {
    let ss: f64 = v.iter().map(|x| x * x).sum();
    let scale = if ss > 0.0 {
        (v.len() as f64 / ss).sqrt()
    } else {
        1.0
    };
    let mut out = vec![[0.0f32; LANES]; weeks];
    for (i, x) in v.iter().enumerate() {
        let k = offset + i;
        out[k / 7][k % 7] = (x * scale) as f32;
    }
    out
}

impl Padded {
    /// `d` over the `active` weeks only (see [`p_values`]).
    fn new(d: &Design, offset: usize, weeks: usize, active: &[usize]) -> Padded {
        let (a, b) = (pad(&d.a, offset, weeks), pad(&d.b, offset, weeks));
        let mut p = Padded {
            a: active.iter().map(|&w| a[w]).collect(),
            b: active.iter().map(|&w| b[w]).collect(),
            bar: 0.0,
        };
        let identity: Vec<u32> = (0..active.len() as u32).collect();
        p.bar = p.statistic(&identity).abs() * (1.0 - TIE);
        p
    }

    /// T with week `w` of `b` paired with week `perm[w]` of `a`. Not inlined: on its own the
    /// loop compiles to two vector multiplies and two vector adds a week (SSE2); inlined into
    /// the caller the vectoriser split it into scalar pieces.
    #[inline(never)]
    fn statistic(&self, perm: &[u32]) -> f64 {
        let mut acc = [0.0f32; LANES];
        for (y, &src) in self.b.iter().zip(perm) {
            let x = &self.a[src as usize];
            for k in 0..LANES {
                acc[k] += x[k] * y[k];
            }
        }
        f64::from(acc.iter().sum::<f32>())
    }
}

/// Two-sided p-values for `designs`, all over the same window whose first day is `offset` days
/// after a Monday (0 = Monday). One shared sequence of shuffles serves every design, over the
/// weeks in which any design's `b` (the pain side) has a value. A design whose data statistic
/// is 0 gets p = 1.
pub fn p_values(designs: &[Design], offset: usize, seed: u64) -> Vec<f64> {
    let Some(days) = designs.iter().map(|d| d.a.len().max(d.b.len())).max() else {
        return Vec::new();
    };
    let weeks = (offset + days).div_ceil(7).max(1);
    // Only weeks with something logged take part: a window reaching back before the journal
    // began (the dashboard's year of a new journal) must not count its empty weeks as places
    // a week of data could have fallen.
    let active: Vec<usize> = (0..weeks)
        .filter(|&w| {
            designs.iter().any(|d| {
                (0..7).any(|k| {
                    (w * 7 + k)
                        .checked_sub(offset)
                        .and_then(|i| d.b.get(i))
                        .is_some_and(|x| *x != 0.0)
                })
            })
        })
        .collect();
    let padded: Vec<Padded> = designs
        .iter()
        .map(|d| Padded::new(d, offset, weeks, &active))
        .collect();
    let zero: Vec<bool> = designs.iter().map(|d| d.observed() == 0.0).collect();
    shuffled(&padded, &zero, active.len(), seed)
}

/// The shuffle loop over `padded` with sequential stopping; `zero[k]` marks a design whose
/// data statistic is 0 (p = 1 without shuffling).
fn shuffled(padded: &[Padded], zero: &[bool], weeks: usize, seed: u64) -> Vec<f64> {
    let mut hits = vec![0usize; padded.len()];
    let mut done: Vec<Option<f64>> = zero.iter().map(|z| z.then_some(1.0)).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut perm: Vec<u32> = (0..weeks as u32).collect();
    for l in 1..=PERMUTATIONS {
        if done.iter().all(Option::is_some) {
            break;
        }
        shuffle(&mut perm, &mut rng);
        for (k, p) in padded.iter().enumerate() {
            if done[k].is_some() {
                continue;
            }
            if p.statistic(&perm).abs() >= p.bar {
                hits[k] += 1;
                if hits[k] == STOP_AFTER {
                    done[k] = Some(STOP_AFTER as f64 / l as f64);
                }
            }
        }
    }
    done.iter()
        .zip(&hits)
        .map(|(d, &g)| d.unwrap_or((g + 1) as f64 / (PERMUTATIONS + 1) as f64))
        .collect()
}

/// Fisher–Yates on the previous order: a uniform random order of the weeks each time. The
/// index comes from the high half of a 64-bit draw times the range (Lemire's method without
/// the rejection step: its bias, under 2⁻⁵⁰ for a journal's weeks, is far below what 2,000
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
mod tests {
    use super::*;

    #[test]
    fn holm_by_hand() {
        // m = 4: sorted 0.01, 0.02, 0.03, 0.5 → 0.04, 0.06, 0.06 (running max of 0.06), 0.5.
        let adj = holm(&[0.03, 0.01, 0.5, 0.02]);
        let want = [0.06, 0.04, 0.5, 0.06];
        for (a, w) in adj.iter().zip(want) {
            assert!((a - w).abs() < 1e-12, "{adj:?}");
        }
        assert_eq!(holm(&[0.9, 0.8]), vec![1.0, 1.0]);
        assert!(holm(&[]).is_empty());
    }

    #[test]
    fn exact_p_for_two_weeks_with_a_swap() {
        // Two weeks: the only other order swaps them. a = week 1 all 1, week 2 all 0; b = week
        // 1 all 1, week 2 all 0.5. Data T = 7, swapped T = 3.5: the exact permutation p is 1/2
        // (2 orders, 1 as extreme), and sequential stopping gives 20 hits in about 40 shuffles.
        let mut a = vec![1.0; 7];
        a.extend([0.0; 7]);
        let mut b = vec![1.0; 7];
        b.extend([0.5; 7]);
        let p = p_values(&[Design { a: a.clone(), b }], 0, 1)[0];
        assert!((0.3..0.8).contains(&p), "{p}");
        // Week 2 with no pain logged takes no part: one week cannot be shuffled, so p = 1.
        let mut b = vec![1.0; 7];
        b.extend([0.0; 7]);
        assert_eq!(p_values(&[Design { a, b }], 0, 1), vec![1.0]);
    }

    /// The exact two-sided permutation p of T = Σ a[π(w)]·b[w] over all week orders.
    fn exact(a: &[[f64; 7]], b: &[[f64; 7]]) -> f64 {
        fn heap(k: usize, perm: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
            if k == 1 {
                out.push(perm.clone());
                return;
            }
            for i in 0..k {
                heap(k - 1, perm, out);
                let j = if k.is_multiple_of(2) { i } else { 0 };
                perm.swap(j, k - 1);
            }
        }
        let n = a.len();
        let mut all = Vec::new();
        heap(n, &mut (0..n).collect(), &mut all);
        let t = |p: &[usize]| -> f64 {
            (0..n)
                .map(|w| (0..7).map(|j| a[p[w]][j] * b[w][j]).sum::<f64>())
                .sum()
        };
        let obs = t(&(0..n).collect::<Vec<_>>()).abs();
        let hit = all.iter().filter(|p| t(p).abs() >= obs - 1e-9).count();
        hit as f64 / all.len() as f64
    }

    #[test]
    fn agrees_with_the_exact_permutation_distribution_on_five_weeks() {
        // 5 weeks → 120 orders, enumerated by hand above. Ranks of a made-up load and pain.
        let a = [
            [3.0, -1.0, 0.0, 2.0, -2.0, 1.0, 0.0],
            [-3.0, 1.0, 2.0, 0.0, -1.0, 0.0, 1.0],
            [1.0, 1.0, -2.0, -1.0, 0.0, 2.0, -1.0],
            [0.0, -2.0, 1.0, 1.0, 3.0, -1.0, 0.0],
            [-1.0, 1.0, -1.0, -2.0, 0.0, 0.0, 2.0],
        ];
        let b = [
            [2.0, 0.0, -1.0, 1.0, -1.0, 1.0, 0.0],
            [-2.0, 1.0, 1.0, 0.0, -1.0, 1.0, 0.0],
            [1.0, 0.0, -1.0, -1.0, 0.0, 1.0, -1.0],
            [0.0, -1.0, 0.0, 1.0, 2.0, 0.0, 0.0],
            [-1.0, 0.0, 0.0, -2.0, 1.0, 0.0, 1.0],
        ];
        let want = exact(&a, &b);
        let d = Design {
            a: a.iter().flatten().copied().collect(),
            b: b.iter().flatten().copied().collect(),
        };
        // Monte Carlo over 2000 shuffles (or a stopped run): within a few standard errors.
        let got = p_values(&[d], 0, 7)[0];
        let se = (want * (1.0 - want) / 200.0).sqrt().max(0.01);
        assert!((got - want).abs() < 4.0 * se, "got {got}, exact {want}");
        assert!(
            want < 0.05,
            "the fixture is meant to be unlikely by chance: {want}"
        );
    }

    #[test]
    fn weeks_align_on_monday_and_ties_of_zero_give_one() {
        let d = Design {
            a: vec![0.0; 10],
            b: vec![1.0; 10],
        };
        assert_eq!(p_values(&[d], 3, 1), vec![1.0]);
        // The same seed gives the same p; the order of designs does not change anyone's p.
        let x = Design {
            a: (0..70).map(|i| ((i * 7919) % 13) as f64 - 6.0).collect(),
            b: (0..70).map(|i| ((i * 104_729) % 11) as f64 - 5.0).collect(),
        };
        let y = Design {
            a: (0..70).map(|i| (i % 7) as f64 - 3.0).collect(),
            b: (0..70).map(|i| (i % 7) as f64 - 3.0).collect(),
        };
        let both = p_values(&[x.clone(), y.clone()], 2, 5);
        assert_eq!(both, p_values(&[x.clone(), y.clone()], 2, 5));
        assert_eq!(p_values(&[y.clone(), x], 2, 5), vec![both[1], both[0]]);
        // y pairs a weekday rhythm with itself. Whole weeks starting on Monday move, so the
        // rhythm never breaks: every shuffle is as extreme as the data and p = 1.
        assert_eq!(p_values(&[y], 0, 5), vec![1.0]);
    }
}
