//! Training stress (SPEC §7.2): normalized power, intensity factor, TSS and its HR/RPE estimates.

use crate::domain::records::Activity;

pub use crate::domain::vocab::LoadSource;

/// Normalized power of a power series sampled once per second: the 4th root of the mean of the
/// 4th powers of the 30-second rolling mean. Series shorter than 30 s fall back to the plain
/// mean, because a rolling window cannot be formed. Returns None for an empty series.
pub fn normalized_power(watts_per_second: &[f64]) -> Option<f64> {
    let n = watts_per_second.len();
    if n == 0 {
        return None;
    }
    if n < 30 {
        return Some(watts_per_second.iter().sum::<f64>() / n as f64);
    }
    let mut window: f64 = watts_per_second[..30].iter().sum();
    let mut sum4 = (window / 30.0).powi(4);
    let mut count = 1usize;
    for i in 30..n {
        window += watts_per_second[i] - watts_per_second[i - 30];
        sum4 += (window / 30.0).powi(4);
        count += 1;
    }
    Some((sum4 / count as f64).powf(0.25))
}

/// Intensity factor NP / FTP.
pub fn intensity_factor(np_w: f64, ftp_w: f64) -> Option<f64> {
    (ftp_w > 0.0).then(|| np_w / ftp_w)
}

/// TSS = hours × IF² × 100.
pub fn tss_from_if(seconds: f64, intensity_factor: f64) -> f64 {
    seconds / 3600.0 * intensity_factor * intensity_factor * 100.0
}

/// The RPE → IF table of SPEC §7.2.
pub fn rpe_to_if(rpe: u8) -> Option<f64> {
    Some(match rpe {
        1 | 2 => 0.55,
        3 => 0.65,
        4 => 0.70,
        5 => 0.75,
        6 => 0.82,
        7 => 0.88,
        8 => 0.95,
        9 => 1.02,
        10 => 1.10,
        _ => return None,
    })
}

/// What an activity knows about its own intensity, for choosing the best TSS source.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadInputs {
    pub seconds: f64,
    pub np_w: Option<f64>,
    pub avg_power_w: Option<f64>,
    pub avg_hr: Option<f64>,
    pub rpe: Option<u8>,
    pub ftp_w: Option<f64>,
    pub lthr_bpm: Option<f64>,
}

/// The thresholds in force on an activity's day, by sport (a plain domain type, so the repo
/// can read them without depending on the statistics).
pub use crate::domain::records::LoadThresholds as Thresholds;

/// The (threshold power, threshold HR) an activity's load uses: FTP is a cycling threshold,
/// so only rides use it; runs use the running threshold power and the running LTHR (else
/// the LTHR); other sports have no threshold power.
pub fn thresholds_for(
    kind: crate::domain::vocab::ActivityKind,
    t: &Thresholds,
) -> (Option<f64>, Option<f64>) {
    use crate::domain::vocab::ActivityKind as K;
    match kind {
        K::Ride | K::IndoorRide | K::VirtualRide => (t.ftp_w, t.lthr_bpm),
        K::Run => (t.run_ftp_w, t.run_lthr_bpm.or(t.lthr_bpm)),
        _ => (None, t.lthr_bpm),
    }
}

/// TSS from the best available source: power (NP, else average power) with an FTP, then heart
/// rate with an LTHR, then RPE. None when nothing fits.
pub fn estimate_tss(i: &LoadInputs) -> Option<(f64, LoadSource)> {
    if i.seconds <= 0.0 {
        return None;
    }
    if let (Some(p), Some(ftp)) = (i.np_w.or(i.avg_power_w), i.ftp_w)
        && let Some(iff) = intensity_factor(p, ftp)
    {
        return Some((tss_from_if(i.seconds, iff), LoadSource::Power));
    }
    if let (Some(hr), Some(lthr)) = (i.avg_hr, i.lthr_bpm)
        && lthr > 0.0
    {
        return Some((tss_from_if(i.seconds, hr / lthr), LoadSource::Hr));
    }
    let iff = rpe_to_if(i.rpe?)?;
    Some((tss_from_if(i.seconds, iff), LoadSource::Rpe))
}

/// Fills an activity's load from the thresholds in force on its day, choosing those of its
/// sport (`thresholds_for`). The repo recomputes past loads with this function.
pub fn load_with(a: &mut Activity, t: &Thresholds) {
    let (power, hr) = thresholds_for(a.kind, t);
    compute_load(a, power, hr);
}

/// Fills an activity's TSS and its source (SPEC §7.2) unless the user gave a TSS (then
/// `manual`). Uses moving time when known: paused minutes carry no load.
pub fn compute_load(a: &mut Activity, ftp_w: Option<f64>, lthr_bpm: Option<f64>) {
    if a.tss.is_some() && a.load_source == Some(LoadSource::Manual) {
        return;
    }
    let inputs = LoadInputs {
        seconds: a.moving_s.unwrap_or(a.elapsed_s) as f64,
        np_w: a.normalized_power_w,
        avg_power_w: a.avg_power_w,
        avg_hr: a.avg_hr,
        rpe: a.rpe,
        ftp_w,
        lthr_bpm,
    };
    match estimate_tss(&inputs) {
        Some((tss, src)) => {
            a.tss = Some((tss * 10.0).round() / 10.0);
            a.load_source = Some(src);
        }
        None => {
            a.tss = None;
            a.load_source = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_sport_uses_its_own_thresholds() {
        use crate::domain::vocab::ActivityKind as K;
        let t = Thresholds {
            ftp_w: Some(250.0),
            run_ftp_w: Some(300.0),
            lthr_bpm: Some(165.0),
            run_lthr_bpm: Some(172.0),
        };
        assert_eq!(thresholds_for(K::Ride, &t), (Some(250.0), Some(165.0)));
        assert_eq!(
            thresholds_for(K::VirtualRide, &t),
            (Some(250.0), Some(165.0))
        );
        assert_eq!(thresholds_for(K::Run, &t), (Some(300.0), Some(172.0)));
        assert_eq!(thresholds_for(K::Walk, &t), (None, Some(165.0)));
        let no_run = Thresholds {
            run_ftp_w: None,
            run_lthr_bpm: None,
            ..t
        };
        assert_eq!(thresholds_for(K::Run, &no_run), (None, Some(165.0)));
    }

    #[test]
    fn constant_power_np_equals_power() {
        let np = normalized_power(&[200.0; 600]).unwrap();
        assert!((np - 200.0).abs() < 1e-9);
    }

    #[test]
    fn alternating_blocks_np_exceeds_average() {
        // 60 s at 300 W then 60 s at 100 W: average 200 W. Rolling means (91 windows):
        // 31 windows fully at 300, 29 in transition down... computed directly below.
        let mut s = vec![300.0; 60];
        s.extend(vec![100.0; 60]);
        let mut fourth = 0.0;
        let mut cnt = 0.0;
        for end in 30..=120 {
            let m: f64 = s[end - 30..end].iter().sum::<f64>() / 30.0;
            fourth += m.powi(4);
            cnt += 1.0;
        }
        let expected = (fourth / cnt).powf(0.25);
        let np = normalized_power(&s).unwrap();
        assert!((np - expected).abs() < 1e-9);
        assert!(np > 200.0, "NP {np} must exceed the 200 W average");
    }

    #[test]
    fn one_hour_at_ftp_is_100_tss() {
        let i = LoadInputs {
            seconds: 3600.0,
            np_w: Some(250.0),
            ftp_w: Some(250.0),
            ..Default::default()
        };
        let (tss, src) = estimate_tss(&i).unwrap();
        assert!((tss - 100.0).abs() < 1e-9);
        assert_eq!(src, LoadSource::Power);
    }

    #[test]
    fn hr_estimate_when_no_power() {
        // 2 h at 0.9 × LTHR: 2 × 0.81 × 100 = 162.
        let i = LoadInputs {
            seconds: 7200.0,
            avg_hr: Some(144.0),
            lthr_bpm: Some(160.0),
            ..Default::default()
        };
        let (tss, src) = estimate_tss(&i).unwrap();
        assert!((tss - 162.0).abs() < 1e-9);
        assert_eq!(src, LoadSource::Hr);
    }

    #[test]
    fn rpe_estimate_uses_table() {
        // 1 h at RPE 7 → IF 0.88 → 77.44.
        let i = LoadInputs {
            seconds: 3600.0,
            rpe: Some(7),
            ..Default::default()
        };
        let (tss, src) = estimate_tss(&i).unwrap();
        assert!((tss - 77.44).abs() < 1e-9);
        assert_eq!(src, LoadSource::Rpe);
        assert!(src.is_estimate());
    }

    #[test]
    fn power_without_ftp_falls_back_to_hr() {
        let i = LoadInputs {
            seconds: 3600.0,
            np_w: Some(250.0),
            avg_hr: Some(160.0),
            lthr_bpm: Some(160.0),
            ..Default::default()
        };
        assert_eq!(estimate_tss(&i).unwrap().1, LoadSource::Hr);
        assert!(
            estimate_tss(&LoadInputs {
                seconds: 60.0,
                ..Default::default()
            })
            .is_none()
        );
    }
}
