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
                f.write_str(self.as_str())
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

/// A tag: lower-case letters, digits and `-`, 1–40 characters. Upper case is folded, spaces
/// become dashes, so "Long Drive" is stored as `long-drive`.
pub fn parse_tag(text: &str) -> Result<String, InputError> {
    let t = text.trim().to_lowercase().replace([' ', '_'], "-");
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

/// Parses tags (repeatable and comma-separated), sorted and de-duplicated.
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

    #[test]
    fn unknown_location_lists_allowed() {
        let e = Location::parse("knee").unwrap_err();
        assert_eq!(e.field, "location");
        assert!(e.message.contains("low-back") && e.message.contains("below-knee-right"));
        assert_eq!(Location::parse("Low_Back").unwrap(), Location::LowBack);
    }

    #[test]
    fn sets_and_tags_normalise() {
        let v = parse_set(&["sharp,ache".into(), "ache".into()], Character::parse).unwrap();
        assert_eq!(v, vec![Character::Ache, Character::Sharp]);
        assert_eq!(
            parse_tags(&["Long Drive,shoveling".into()]).unwrap(),
            vec!["long-drive", "shoveling"]
        );
        assert!(parse_tag("a,b").is_err());
        assert!(parse_tag("").is_err());
    }
}
