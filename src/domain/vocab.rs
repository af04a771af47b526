//! The closed vocabularies of SPEC §4: pain locations and character, red flags, activity kinds,
//! intensities, medication classes, event kinds, exercise kinds. Each knows its spelling and
//! refuses anything else with the full list of allowed values.

use super::InputError;

macro_rules! vocab {
    ($(#[$m:meta])* $name:ident, $field:literal { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const FIELD: &'static str = $field;

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Result<Self, InputError> {
                let t = text.trim().to_ascii_lowercase().replace('_', "-");
                match t.as_str() {
                    $($text => Ok($name::$variant),)+
                    _ => Err(InputError::new(
                        $field,
                        format!("unknown value '{}'; allowed: {}", text.trim(), Self::allowed()),
                    )),
                }
            }

            pub fn allowed() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                // `pad`, so a width (`{src:<6}` in a column) pads as it does for a string.
                f.pad(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $name::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}

vocab!(
    /// Where it hurts. Below-knee pain is the sciatica signal.
    Location, "location" {
        Neck => "neck", UpperBack => "upper-back", MidBack => "mid-back", LowBack => "low-back",
        SiLeft => "si-left", SiRight => "si-right", ButtockLeft => "buttock-left",
        ButtockRight => "buttock-right", HipLeft => "hip-left", HipRight => "hip-right",
        ThighLeft => "thigh-left", ThighRight => "thigh-right",
        BelowKneeLeft => "below-knee-left", BelowKneeRight => "below-knee-right",
    }
);

vocab!(
    /// What the pain feels like.
    Character, "character" {
        Ache => "ache", Stiffness => "stiffness", Spasm => "spasm", Sharp => "sharp",
        Burning => "burning", Shooting => "shooting", Numbness => "numbness",
        Tingling => "tingling", Weakness => "weakness",
    }
);

vocab!(
    /// Symptoms that always trigger the urgent-care message.
    RedFlag, "red_flag" {
        SaddleNumbness => "saddle-numbness", BladderChange => "bladder-change",
        BowelChange => "bowel-change", BothLegs => "both-legs",
        WorseningWeakness => "worsening-weakness", SexualDysfunction => "sexual-dysfunction",
        FeverOrWeightLoss => "fever-or-weight-loss",
    }
);

vocab!(
    ActivityKind, "kind" {
        Ride => "ride", IndoorRide => "indoor-ride", VirtualRide => "virtual-ride", Run => "run",
        Walk => "walk", Swim => "swim", Strength => "strength", Rehab => "rehab", Other => "other",
    }
);

impl ActivityKind {
    /// A kind as typed: a built-in kind (which keeps its load rules), or a name of the
    /// person's own (`yoga`, `hike`, `ski`), stored as typed and counted as `other`. A name one
    /// letter from a built-in kind (`rdie`) is taken for a typo and refused naming it.
    pub fn parse_named(text: &str) -> Result<(ActivityKind, Option<String>), InputError> {
        if let Ok(k) = ActivityKind::parse(text) {
            return Ok((k, None));
        }
        let name = parse_tag(text).map_err(|_| {
            InputError::new(
                Self::FIELD,
                format!(
                    "'{}' is not a kind; allowed: {}, or a name of your own of 1–40 letters,                      digits or '-' (yoga, hike, ski)",
                    text.trim(),
                    Self::allowed()
                ),
            )
        })?;
        if let Some(near) = Self::ALL.iter().find(|k| one_edit_apart(k.as_str(), &name)) {
            return Err(InputError::new(
                Self::FIELD,
                format!(
                    "'{}' is one letter from '{near}'; allowed: {}, or a name of your own                      that is not a near miss of one",
                    text.trim(),
                    Self::allowed()
                ),
            ));
        }
        Ok((ActivityKind::Other, Some(name)))
    }
}

impl ActivityKind {
    /// A stored kind: a built-in one, or any other text as the person's own name (what was
    /// stored was checked on the way in; reading never refuses it).
    pub fn from_stored(text: &str) -> Result<(ActivityKind, Option<String>), InputError> {
        match ActivityKind::parse(text) {
            Ok(k) => Ok((k, None)),
            Err(e) if text.trim().is_empty() => Err(e),
            Err(_) => Ok((ActivityKind::Other, Some(text.trim().to_string()))),
        }
    }
}

/// Whether `a` becomes `b` by one inserted, deleted, replaced or swapped letter.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[head..], &b[head..]);
    let tail = |x: &[char], y: &[char]| x == y;
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            tail(&ra[1..], &rb[1..])
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && tail(&ra[2..], &rb[2..]))
        }
        std::cmp::Ordering::Greater => tail(&ra[1..], rb),
        std::cmp::Ordering::Less => tail(ra, &rb[1..]),
    }
}

vocab!(
    Intensity, "intensity" {
        Recovery => "recovery", Endurance => "endurance", Tempo => "tempo",
        SweetSpot => "sweet-spot", Threshold => "threshold", Vo2max => "vo2max",
        Anaerobic => "anaerobic",
    }
);

vocab!(
    MedClass, "class" {
        Nsaid => "nsaid", Opioid => "opioid", Acetaminophen => "acetaminophen",
        MuscleRelaxant => "muscle-relaxant", Neuropathic => "neuropathic",
        OralSteroid => "oral-steroid", SteroidInjection => "steroid-injection", Other => "other",
    }
);

vocab!(
    EventKind, "kind" {
        Doctor => "doctor", Physio => "physio", Imaging => "imaging", Injection => "injection",
        Procedure => "procedure", BikeFit => "bike-fit", Equipment => "equipment", Life => "life",
        Insurance => "insurance", Other => "other",
    }
);

vocab!(
    ExerciseKind, "exercise_kind" {
        Strength => "strength", Stretch => "stretch", Mobility => "mobility", Cardio => "cardio",
    }
);

vocab!(
    /// Where an activity's TSS came from (SPEC §7.2): measured power, an estimate from heart
    /// rate or RPE, or typed by hand. The table's CHECK allows exactly these spellings.
    LoadSource, "load_source" {
        Power => "power", Hr => "hr", Rpe => "rpe", Manual => "manual",
    }
);

impl LoadSource {
    /// HR and RPE figures are estimates; power and manual are taken as given.
    pub fn is_estimate(self) -> bool {
        matches!(self, LoadSource::Hr | LoadSource::Rpe)
    }
}

vocab!(
    /// Where an activity came from; imported ones carry a hash for deduplication.
    Source, "source" {
        Manual => "manual", Fit => "fit", Gpx => "gpx", Tcx => "tcx", StravaCsv => "strava-csv", IntervalsCsv => "intervals-csv",
    }
);

/// The urgent-care line shown for any red flag. Fixed wording: it is the one place the app
/// tells the user what to do.
pub const URGENT_CARE: &str = "RED FLAG: seek urgent medical care today. These symptoms can mean nerve compression that needs same-day assessment.";

/// Parses a comma-separated list of a vocabulary into a sorted, de-duplicated set.
pub fn parse_set<T: Copy + Ord>(
    items: &[String],
    parse: fn(&str) -> Result<T, InputError>,
) -> Result<Vec<T>, InputError> {
    let mut out = Vec::new();
    for item in items.iter().flat_map(|s| s.split(',')) {
        if item.trim().is_empty() {
            continue;
        }
        out.push(parse(item)?);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// A tag: lower-case letters, digits and `-`, 1–40 characters. Upper case is folded, runs of
/// spaces become one dash, so "Long  Drive" is stored as `long-drive`.
pub fn parse_tag(text: &str) -> Result<String, InputError> {
    let t = text
        .to_lowercase()
        .replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    let ok = !t.is_empty()
        && t.chars().count() <= 40
        && t.chars().all(|c| c.is_alphanumeric() || c == '-');
    if ok {
        Ok(t)
    } else {
        Err(InputError::new(
            "tag",
            format!("'{text}' is not a tag; allowed: 1–40 letters, digits or '-', e.g. long-drive"),
        ))
    }
}

/// Tags as the user edits them: the separator that `parse_tags` splits on, so typing more
/// after them starts a new tag (`long-drive, quick-hike`).
pub fn tags_field(tags: &[String]) -> String {
    tags.join(", ")
}

/// The one tag rule for the CLI's `--tag` and the app's field: commas separate tags, spaces
/// inside a tag become `-`; sorted and de-duplicated.
pub fn parse_tags(items: &[String]) -> Result<Vec<String>, InputError> {
    let mut out = Vec::new();
    for item in items.iter().flat_map(|s| s.split(',')) {
        if !item.trim().is_empty() {
            out.push(parse_tag(item)?);
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 25: the load source is a type, spelled in the journal and in JSON as before.
    #[test]
    fn load_sources_keep_their_stored_and_json_spelling() {
        let json = serde_json::to_string(LoadSource::ALL).unwrap();
        assert_eq!(json, r#"["power","hr","rpe","manual"]"#);
        for s in LoadSource::ALL {
            assert_eq!(LoadSource::parse(s.as_str()).unwrap(), *s);
        }
        let estimates: Vec<_> = LoadSource::ALL.iter().filter(|s| s.is_estimate()).collect();
        assert_eq!(estimates, [&LoadSource::Hr, &LoadSource::Rpe]);
        assert_eq!(LoadSource::parse("watts").unwrap_err().field, "load_source");
        assert_eq!(
            format!("[{:<6}]", LoadSource::Hr),
            "[hr    ]",
            "pads in a column"
        );
    }

    #[test]
    fn unknown_location_lists_allowed() {
        let e = Location::parse("knee").unwrap_err();
        assert_eq!(e.field, "location");
        assert!(e.message.contains("low-back") && e.message.contains("below-knee-right"));
        assert_eq!(Location::parse("Low_Back").unwrap(), Location::LowBack);
    }

    #[test]
    fn kinds_of_ones_own_are_names_and_near_misses_are_typos() {
        assert_eq!(
            ActivityKind::parse_named("Ride").unwrap(),
            (ActivityKind::Ride, None)
        );
        assert_eq!(
            ActivityKind::parse_named("Yoga").unwrap(),
            (ActivityKind::Other, Some("yoga".into()))
        );
        assert_eq!(
            ActivityKind::parse_named("cross country ski")
                .unwrap()
                .1
                .as_deref(),
            Some("cross-country-ski")
        );
        for typo in ["rdie", "rid", "rides", "swm", "walks"] {
            let e = ActivityKind::parse_named(typo).unwrap_err();
            assert!(
                e.message.contains("one letter from"),
                "{typo}: {}",
                e.message
            );
        }
        assert!(
            ActivityKind::parse_named("hike").is_ok(),
            "not a near miss of bike: none"
        );
        let e = ActivityKind::parse_named("yoga!").unwrap_err();
        assert_eq!(e.field, "kind");
        assert!(e.message.contains("ride, indoor-ride"), "{}", e.message);
    }

    #[test]
    fn sets_and_tags_normalise() {
        let v = parse_set(&["sharp,ache".into(), "ache".into()], Character::parse).unwrap();
        assert_eq!(v, vec![Character::Ache, Character::Sharp]);
        assert_eq!(
            parse_tags(&["Long Drive,shoveling".into()]).unwrap(),
            vec!["long-drive", "shoveling"]
        );
        assert_eq!(
            parse_tags(&["long-drive, quick  hike".into()]).unwrap(),
            vec!["long-drive", "quick-hike"]
        );
        let tags = parse_tags(&["b, a".into()]).unwrap();
        assert_eq!(parse_tags(&[tags_field(&tags)]).unwrap(), tags);
        assert!(parse_tag("a,b").is_err());
        assert!(parse_tag("").is_err());
    }
}
