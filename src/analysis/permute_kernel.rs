//! The inner loop of the permutation tests: a design laid out in whole weeks of eight f32 lanes
//! (seven days and a zero), and the three sums of one shuffle. It is the hot loop of `stats`
//! (about 2,000 shuffles × every association × every week of ten years), so it is written for
//! the vectoriser: one week is one block of eight lanes, and on CPUs with AVX2 and FMA the same
//! loop is compiled for them and picked at run time.

use super::permute::Design;

/// Slots per week: 7 days and one zero.
const LANES: usize = 8;
type Week = [f32; LANES];

/// Shuffled sums are taken in f32. A shuffle whose |r| is within this fraction of the data's
/// counts as "as extreme": the sums' rounding (about 1e-5) must not turn an exact tie into a
/// miss. It can only make p larger, never smaller.
const TIE: f64 = 1e-4;

/// The shuffled side (a, a², whether a exists) and the fixed side (b, b², whether b exists),
/// over the active weeks only.
pub struct Padded {
    a: Vec<Week>,
    a2: Vec<Week>,
    ma: Vec<Week>,
    b: Vec<Week>,
    b2: Vec<Week>,
    mb: Vec<Week>,
    /// |r| of the data (in the same f32 sums as the shuffles), less the tie allowance.
    bar: f64,
}

/// `v` in weeks, each side scaled to a root-mean-square of 1 first (which leaves r alone and
/// keeps the f32 sums far from overflow and underflow).
/// Only the active weeks are laid out: `slot[w]` is week w's place among them, if any.
fn pad(
    v: &[f64],
    m: &[bool],
    offset: usize,
    slot: &[Option<usize>],
    active: usize,
) -> (Vec<Week>, Vec<Week>, Vec<Week>) {
    let (ss, n) = v
        .iter()
        .zip(m)
        .filter(|(_, e)| **e)
        .fold((0.0, 0usize), |(s, n), (x, _)| (s + x * x, n + 1));
    let scale = if ss > 0.0 {
        (n as f64 / ss).sqrt()
    } else {
        1.0
    };
    let (mut x, mut x2, mut mx) = (
        vec![[0.0f32; LANES]; active],
        vec![[0.0f32; LANES]; active],
        vec![[0.0f32; LANES]; active],
    );
    for (i, (val, e)) in v.iter().zip(m).enumerate() {
        let k = offset + i;
        let Some(w) = slot.get(k / 7).copied().flatten().filter(|_| *e) else {
            continue;
        };
        let s = (val * scale) as f32;
        x[w][k % 7] = s;
        x2[w][k % 7] = s * s;
        mx[w][k % 7] = 1.0;
    }
    (x, x2, mx)
}

impl Padded {
    /// `d` over the `active` weeks; None when the data has no spread (p = 1 without shuffling).
    pub fn new(d: &Design, offset: usize, weeks: usize, active: &[usize]) -> Option<Padded> {
        let mut slot = vec![None; weeks];
        for (k, &w) in active.iter().enumerate() {
            slot[w] = Some(k);
        }
        let (a, a2, ma) = pad(&d.a, &d.ma, offset, &slot, active.len());
        let (b, b2, mb) = pad(&d.b, &d.mb, offset, &slot, active.len());
        let mut p = Padded {
            a,
            a2,
            ma,
            b,
            b2,
            mb,
            bar: 0.0,
        };
        let identity: Vec<u32> = (0..active.len() as u32).collect();
        let (ab, aa, bb) = stats_of(&p, &identity);
        if !(aa > 0.0 && bb > 0.0) || ab == 0.0 {
            return None;
        }
        p.bar = (ab / (aa * bb).sqrt()).abs() * (1.0 - TIE);
        Some(p)
    }

    /// Whether the shuffle `perm` (week w of b paired with week perm[w] of a) is at least as
    /// extreme as the data.
    pub fn extreme(&self, perm: &[u32]) -> bool {
        let (ab, aa, bb) = stats_of(self, perm);
        aa > 0.0 && bb > 0.0 && (ab / (aa * bb).sqrt()).abs() >= self.bar
    }
}

/// Σab, Σa²·[b], Σb²·[a] with week w of b paired with week perm[w] of a.
pub fn stats_of(p: &Padded, perm: &[u32]) -> (f64, f64, f64) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
        {
            // SAFETY: the CPU has just been checked for the features the function is built for.
            return unsafe { sums_avx2(p, perm) };
        }
    }
    sums(p, perm)
}

/// Not inlined: on its own the loop compiles to whole-vector operations; inlined into the
/// caller the vectoriser split it into scalar pieces.
#[inline(never)]
fn sums(p: &Padded, perm: &[u32]) -> (f64, f64, f64) {
    // Without FMA hardware mul_add is a slow library call: multiply and add instead.
    let (mut ab, mut aa, mut bb) = ([0.0f32; LANES], [0.0f32; LANES], [0.0f32; LANES]);
    for (w, &src) in perm.iter().enumerate() {
        let s = src as usize;
        let (x, x2, mx) = (&p.a[s], &p.a2[s], &p.ma[s]);
        let (y, y2, my) = (&p.b[w], &p.b2[w], &p.mb[w]);
        for k in 0..LANES {
            ab[k] += x[k] * y[k];
            aa[k] += x2[k] * my[k];
            bb[k] += y2[k] * mx[k];
        }
    }
    let sum = |v: [f32; LANES]| f64::from(v.iter().sum::<f32>());
    (sum(ab), sum(aa), sum(bb))
}

/// The same sums with one AVX register per week and fused multiply-adds (the autovectoriser
/// left the gathered weeks in scalar pieces: four times the instructions).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn sums_avx2(p: &Padded, perm: &[u32]) -> (f64, f64, f64) {
    use std::arch::x86_64::*;
    let (mut ab, mut aa, mut bb) = (
        _mm256_setzero_ps(),
        _mm256_setzero_ps(),
        _mm256_setzero_ps(),
    );
    let load = |w: &Week| {
        // SAFETY: a Week is exactly eight f32 (256 bits); loadu takes any alignment.
        unsafe { _mm256_loadu_ps(w.as_ptr()) }
    };
    for (w, &src) in perm.iter().enumerate() {
        let s = src as usize;
        ab = _mm256_fmadd_ps(load(&p.a[s]), load(&p.b[w]), ab);
        aa = _mm256_fmadd_ps(load(&p.a2[s]), load(&p.mb[w]), aa);
        bb = _mm256_fmadd_ps(load(&p.b2[w]), load(&p.ma[s]), bb);
    }
    let sum = |v: __m256| {
        let mut out = [0.0f32; LANES];
        // SAFETY: `out` is eight f32, the width of the register stored.
        unsafe { _mm256_storeu_ps(out.as_mut_ptr(), v) };
        f64::from(out.iter().sum::<f32>())
    };
    (sum(ab), sum(aa), sum(bb))
}
