//! Figures from a recording's timed samples (SPEC §7.2, §10): the 1 Hz power series NP needs,
//! moving time, ascent, and plain means. Pure functions; the FIT importer feeds them.

/// A gap longer than this between two samples is a pause: it is neither filled nor counted as
/// moving time. Smart recording writes a sample every 1–8 s.
pub const PAUSE_GAP_S: i64 = 10;

/// Climbs smaller than this (metres, after smoothing) are altimeter noise, not ascent.
pub const ASCENT_HYSTERESIS_M: f64 = 2.0;

/// Altitudes are smoothed over this many samples either side before climbs are counted.
pub const ASCENT_SMOOTHING: usize = 2;

/// A power series sampled once per second from `(unix seconds, watts)` samples in time order.
/// A sample `dt` seconds after the previous one holds its value for those `dt` seconds (smart
/// recording); across a pause (`dt > PAUSE_GAP_S`) it counts once, so a stop adds no zeros.
/// Samples at the same or an earlier time than the previous one are dropped.
pub fn power_series_1hz(samples: &[(i64, f64)]) -> Vec<f64> {
    let mut out = Vec::with_capacity(samples.len());
    let mut last: Option<i64> = None;
    for &(t, w) in samples {
        let n = match last {
            None => 1,
            Some(prev) if t <= prev => continue,
            Some(prev) if t - prev > PAUSE_GAP_S => 1,
            Some(prev) => (t - prev) as usize,
        };
        out.extend(std::iter::repeat_n(w, n));
        last = Some(t);
    }
    out
}

/// Moving seconds from `(unix seconds, moved)` samples: the time since the previous sample
/// counts when it is no pause and the rider moved in it.
pub fn moving_seconds(samples: &[(i64, bool)]) -> u32 {
    moving_seconds_within(samples, PAUSE_GAP_S)
}

/// [`moving_seconds`] with the pause gap given: a recording sampled every 30 s (a GPX of a
/// walk) has 30 s between samples that are no pause.
pub fn moving_seconds_within(samples: &[(i64, bool)], pause_gap_s: i64) -> u32 {
    let total: i64 = samples
        .windows(2)
        .filter_map(|w| {
            let dt = w[1].0 - w[0].0;
            (dt > 0 && dt <= pause_gap_s && w[1].1).then_some(dt)
        })
        .sum();
    u32::try_from(total).unwrap_or(u32::MAX)
}

/// Total ascent in metres of an altitude series: smoothed by a centred moving average of
/// `2 × ASCENT_SMOOTHING + 1` samples, then a climb counts once the altitude is
/// `ASCENT_HYSTERESIS_M` above the lowest point since the last counted one. (Tuned on the
/// device files in ../shared/fit: within about 15 % of the devices' own totals on most.)
pub fn ascent(altitudes: &[f64]) -> f64 {
    let raw: Vec<f64> = altitudes
        .iter()
        .copied()
        .filter(|a| a.is_finite())
        .collect();
    let k = ASCENT_SMOOTHING;
    let smooth = (0..raw.len()).map(|i| {
        let w = &raw[i.saturating_sub(k)..(i + k + 1).min(raw.len())];
        w.iter().sum::<f64>() / w.len() as f64
    });
    let mut iter = smooth;
    let Some(mut base) = iter.next() else {
        return 0.0;
    };
    let mut total = 0.0;
    for a in iter {
        if a < base {
            base = a;
        } else if a - base >= ASCENT_HYSTERESIS_M {
            total += a - base;
            base = a;
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_recording_is_held_and_pauses_are_not_filled() {
        // 1 s, then a 3 s gap (held 3 times), then a 60 s pause (counted once).
        let s = [(0, 100.0), (1, 200.0), (4, 300.0), (64, 50.0)];
        assert_eq!(
            power_series_1hz(&s),
            vec![100.0, 200.0, 300.0, 300.0, 300.0, 50.0]
        );
        // A repeated timestamp is dropped.
        assert_eq!(power_series_1hz(&[(5, 1.0), (5, 2.0)]), vec![1.0]);
    }

    #[test]
    fn np_and_tss_of_a_hand_made_series() {
        use crate::analysis::tss::{intensity_factor, normalized_power, tss_from_if};
        // 30 s at 100 W, then a sample 3 s later at 400 W, held for those 3 s: 33 seconds.
        let mut s: Vec<(i64, f64)> = (0..30).map(|t| (t, 100.0)).collect();
        s.push((32, 400.0));
        let series = power_series_1hz(&s);
        assert_eq!(series.len(), 33);
        // The four 30 s windows average 100, 110, 120 and 130 W:
        // NP = ((100⁴ + 110⁴ + 120⁴ + 130⁴) / 4)^¼ = 184 845 000^¼ = 116.60 W.
        let np = normalized_power(&series).unwrap();
        assert!((np - 116.6009).abs() < 1e-3, "NP {np}");
        // At FTP 200 for one hour: IF = 0.5830, TSS = 1 × 0.5830² × 100 = 33.99.
        let iff = intensity_factor(np, 200.0).unwrap();
        assert!((iff - 0.58300).abs() < 1e-4);
        assert!((tss_from_if(3600.0, iff) - 33.989).abs() < 1e-2);
        // Over its own 33 s at FTP 100: 33/3600 × 1.1660² × 100 = 1.246.
        assert!((tss_from_if(33.0, np / 100.0) - 1.2463).abs() < 1e-3);
    }

    #[test]
    fn moving_time_skips_pauses_and_standstill() {
        let s = [
            (0, true),
            (1, true),
            (2, false),
            (3, true),
            (100, true),
            (105, true),
        ];
        // 1 + 0 (stood still) + 1 + 0 (pause of 97 s) + 5 = 7.
        assert_eq!(moving_seconds(&s), 7);
    }

    #[test]
    fn ascent_ignores_noise_and_counts_climbs() {
        // ±1.5 m noise around 100 m counts nothing.
        let noise: Vec<f64> = (0..60)
            .map(|i| if i % 2 == 0 { 98.5 } else { 101.5 })
            .collect();
        assert_eq!(ascent(&noise), 0.0);
        // A steady 100 m climb, down 50 m and up 50 m again: about 150 m (the smoothing
        // rounds off each turn by a metre or so, and the last rise under 2 m is not counted).
        let mut hill: Vec<f64> = (0..=100).map(f64::from).collect();
        hill.extend((50..100).rev().map(f64::from));
        hill.extend((50..=100).map(f64::from));
        let a = ascent(&hill);
        assert!((140.0..=150.0).contains(&a), "ascent {a}");
        assert_eq!(ascent(&[]), 0.0);
    }
}
