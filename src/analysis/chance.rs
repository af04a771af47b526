//! Whether a pattern could be chance (issue 12): each association's permutation p, Holm's
//! correction over every association tested in the same run, the plain words that go after
//! each sentence, and the one "most notable" association, chosen only among the survivors.

use serde::Serialize;

use super::permute::{Design, holm, p_values};

/// Family-wise level: across all associations of one run, the chance that any pattern with
/// no effect behind it is called "unlikely to be chance" stays near or below 5 %.
pub const ALPHA: f64 = 0.05;

/// A difference of means must be at least this many points to be headlined.
pub const NOTABLE_POINTS: f64 = 0.5;
/// A correlation must be at least this strong (|ρ|) to be headlined.
pub const NOTABLE_RHO: f64 = 0.2;

/// What the permutation test said about one association. Flattened into the association's
/// JSON as `p` (the permutation p-value) and `p_holm` (after Holm's correction); both null
/// when the association was not tested (not enough data, or nothing varied).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Verdict {
    pub p: Option<f64>,
    pub p_holm: Option<f64>,
    /// Short name for `notable.what`, e.g. "load_pain lag 1" or "tag shoveling lag 1".
    #[serde(skip)]
    pub what: String,
    /// The sentence of facts, without a final full stop; the chance words go after it.
    #[serde(skip)]
    pub fact: String,
    /// Words that follow the chance words, e.g. why a medication comparison is no effect.
    #[serde(skip)]
    pub caveat: Option<String>,
    /// Size on a common scale for choosing the headline (1.0 = a 2-point difference or
    /// |ρ| 0.5); None when too small to headline or never headlined (medication classes).
    #[serde(skip)]
    pub score: Option<f64>,
    /// The two sides to shuffle; None when not tested. Dropped once the p-value is known.
    #[serde(skip)]
    pub design: Option<Design>,
    /// The full sentence: facts, n and whether it could be chance.
    #[serde(skip)]
    pub sentence: String,
    /// The chance words alone ("unlikely to be chance (adjusted p = 0.03)"), for screens that
    /// must shorten the facts but never the verdict.
    #[serde(skip)]
    pub words: Option<String>,
}

impl Verdict {
    /// An association with too little data: the sentence is the fact alone.
    pub fn untested(what: String, fact: String) -> Verdict {
        Verdict {
            sentence: format!("{fact}."),
            what,
            fact,
            ..Verdict::default()
        }
    }

    /// An association to test.
    pub fn tested(what: String, fact: String, score: Option<f64>, design: Design) -> Verdict {
        Verdict {
            what,
            fact,
            score,
            design: Some(design),
            ..Verdict::default()
        }
    }

    /// True when the association survives Holm's correction at [`ALPHA`].
    pub fn unlikely(&self) -> bool {
        self.p_holm.is_some_and(|p| p <= ALPHA)
    }
}

/// How a correlation is put in words: under 0.05 "about the same", under the headline's 0.2
/// "slightly", otherwise plainly "higher" or "lower". With years of data a small correlation
/// can be unlikely to be chance; the words keep its size honest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    None,
    Slight,
    Clear,
}

pub fn strength(rho: f64) -> Strength {
    let r = (rho.abs() * 100.0).round() / 100.0;
    if r < 0.05 {
        Strength::None
    } else if r < NOTABLE_RHO {
        Strength::Slight
    } else {
        Strength::Clear
    }
}

/// The headline score of a difference of means: None under half a point.
pub fn diff_score(diff: f64) -> Option<f64> {
    (diff.abs() >= NOTABLE_POINTS).then_some(diff.abs() / 2.0)
}

/// The headline score of a correlation: None under |ρ| 0.2.
pub fn rho_score(rho: f64) -> Option<f64> {
    (rho.abs() >= NOTABLE_RHO).then_some(rho.abs() / 0.5)
}

/// "p = 0.003", "p = 0.41", "p < 0.001".
pub fn p_text(p: f64) -> String {
    if p < 0.001 {
        "p < 0.001".to_string()
    } else if p < 0.01 {
        format!("p = {p:.3}")
    } else {
        format!("p = {:.2}", (p * 100.0).round() / 100.0)
    }
}

/// The plain words for one tested association out of `tested`. The p shown is the one the
/// verdict rests on: Holm's adjusted p when more than one pattern was tested (issue 19: the
/// sentence once showed the raw p beside a verdict taken on the adjusted one).
pub fn chance_words(v: &Verdict, tested: usize) -> Option<String> {
    let (p, adj) = (v.p?, v.p_holm?);
    let shown = if tested > 1 {
        format!("adjusted {}", p_text(adj))
    } else {
        p_text(adj)
    };
    Some(if v.unlikely() {
        format!("unlikely to be chance ({shown})")
    } else if p <= ALPHA && tested > 1 {
        // Small on its own, but one of many looked at: that many patterns make one this
        // small now and then with nothing behind it.
        format!("could well be chance ({shown}; {tested} patterns were looked at)")
    } else {
        format!("could well be chance ({shown})")
    })
}

/// Tests every design among `verdicts` (all over one window starting `offset` days after a
/// Monday), applies Holm's correction over all of them and writes each sentence.
pub fn judge(verdicts: &mut [&mut Verdict], offset: usize) {
    let (mut designs, mut idx) = (Vec::new(), Vec::new());
    for (i, v) in verdicts.iter_mut().enumerate() {
        if let Some(d) = v.design.take() {
            designs.push(d);
            idx.push(i);
        }
    }
    let ps = p_values(&designs, offset, super::permute::SEED, designs.len());
    let adj = holm(&ps);
    for (k, &i) in idx.iter().enumerate() {
        verdicts[i].p = Some(ps[k]);
        verdicts[i].p_holm = Some(adj[k]);
    }
    for v in verdicts.iter_mut() {
        v.words = chance_words(v, ps.len());
        v.sentence = sentence(v, ps.len());
    }
}

/// The facts, the chance words and any caveat, as one or two sentences.
pub fn sentence(v: &Verdict, tested: usize) -> String {
    let caveat = v
        .caveat
        .as_deref()
        .map_or(String::new(), |c| format!(" {c}"));
    match chance_words(v, tested) {
        Some(w) => format!("{}; {w}.{caveat}", v.fact),
        None => format!("{}.{caveat}", v.fact),
    }
}

/// The association in the "Most notable" line. JSON: `{what, sentence, p, p_holm}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notable {
    pub what: String,
    pub sentence: String,
    pub p: f64,
    pub p_holm: f64,
    /// The facts without the chance words, and the chance words (see `Verdict::words`).
    #[serde(skip)]
    pub fact: String,
    #[serde(skip)]
    pub words: String,
}

/// The largest association (by score) among those that survive Holm's correction; the first
/// of equals wins, so the order of `verdicts` breaks ties.
pub fn notable<'a>(verdicts: impl IntoIterator<Item = &'a Verdict>) -> Option<Notable> {
    let mut best: Option<(f64, &Verdict)> = None;
    for v in verdicts {
        let Some(s) = v.score.filter(|_| v.unlikely()) else {
            continue;
        };
        if best.is_none_or(|b| s > b.0) {
            best = Some((s, v));
        }
    }
    best.map(|(_, v)| Notable {
        what: v.what.clone(),
        sentence: v.sentence.clone(),
        p: v.p.unwrap_or(1.0),
        p_holm: v.p_holm.unwrap_or(1.0),
        fact: v.fact.clone(),
        words: v.words.clone().unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(p: Option<f64>, p_holm: Option<f64>) -> Verdict {
        Verdict {
            p,
            p_holm,
            fact: "Pain was higher".into(),
            ..Verdict::default()
        }
    }

    #[test]
    fn words_for_chance() {
        assert_eq!(p_text(0.0004), "p < 0.001");
        assert_eq!(p_text(0.003), "p = 0.003");
        assert_eq!(p_text(0.0149), "p = 0.01");
        assert_eq!(p_text(0.412), "p = 0.41");
        // The verdict and the p shown are the adjusted one's.
        assert_eq!(
            chance_words(&v(Some(0.003), Some(0.03)), 10).unwrap(),
            "unlikely to be chance (adjusted p = 0.03)"
        );
        assert_eq!(
            chance_words(&v(Some(0.002), Some(0.05)), 25).unwrap(),
            "unlikely to be chance (adjusted p = 0.05)"
        );
        assert_eq!(
            chance_words(&v(Some(0.02), Some(0.2)), 10).unwrap(),
            "could well be chance (adjusted p = 0.20; 10 patterns were looked at)"
        );
        assert_eq!(
            chance_words(&v(Some(0.4), Some(1.0)), 10).unwrap(),
            "could well be chance (adjusted p = 1.00)"
        );
        assert_eq!(
            chance_words(&v(Some(0.004), Some(0.004)), 1).unwrap(),
            "unlikely to be chance (p = 0.004)"
        );
        assert_eq!(chance_words(&v(None, None), 10), None);
    }

    #[test]
    fn the_headline_is_the_largest_survivor() {
        let mut big_noise = v(Some(0.04), Some(0.2));
        big_noise.score = Some(3.0);
        let mut small_real = v(Some(0.001), Some(0.01));
        small_real.score = Some(0.6);
        small_real.what = "sleep".into();
        let mut tiny_real = v(Some(0.001), Some(0.01));
        tiny_real.score = None;
        let n = notable([&big_noise, &tiny_real, &small_real]).unwrap();
        assert_eq!((n.what.as_str(), n.p_holm), ("sleep", 0.01));
        assert_eq!(notable([&big_noise, &tiny_real]), None);
    }
}
