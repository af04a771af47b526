//! GPX and TCX track files (SPEC §10): one streaming quick-xml pass turns the track points
//! into the same samples and session a FIT file gives, so every figure comes from the same
//! functions (`fit_sessions`). The gpx crate is not used: it drops the extensions that carry
//! heart rate, cadence and power.

use chrono::{DateTime, NaiveDateTime};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::fit::{FitData, Sample, Session};

/// Which XML dialect a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Gpx,
    Tcx,
}

/// One point being read, with its position for the haversine distance.
#[derive(Default)]
struct Point {
    sample: Sample,
    has_time: bool,
    pos: Option<(f64, f64)>,
    lat: Option<f64>,
}

/// The deepest nesting a GPX or TCX needs is about 8; a file nested deeper is no track (a 99
/// MB file of never-closed elements would otherwise take gigabytes to follow).
const MAX_XML_DEPTH: usize = 64;

/// Decodes a GPX or TCX file into samples and one session per activity, or says why not.
pub fn decode(bytes: &[u8], dialect: Dialect) -> Result<FitData, String> {
    let mut reader = Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut data = FitData {
        file_type: Some("activity".into()),
        ..Default::default()
    };
    let mut point: Option<Point> = None;
    // Positions per sample (GPX distance comes from them; TCX uses them only without its own).
    let mut positions: Vec<Option<(f64, f64)>> = Vec::new();
    let mut seg_starts: Vec<usize> = Vec::new();
    let mut root_seen = false;
    loop {
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("not valid XML at byte {}: {e}", reader.error_position()))?;
        match ev {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.local_name().as_ref().as_bytes().to_vec();
                if !root_seen {
                    root_seen = true;
                    check_root(&name, dialect)?;
                }
                open(
                    &e,
                    &name,
                    dialect,
                    &mut data,
                    &mut point,
                    &mut seg_starts,
                    &positions,
                );
                if stack.len() >= MAX_XML_DEPTH {
                    return Err(format!(
                        "elements nested more than {MAX_XML_DEPTH} deep at byte {}: not a track file",
                        reader.buffer_position()
                    ));
                }
                stack.push(name);
            }
            Event::Empty(e) => {
                let name = e.local_name().as_ref().as_bytes().to_vec();
                if !root_seen {
                    root_seen = true;
                    check_root(&name, dialect)?;
                }
                open(
                    &e,
                    &name,
                    dialect,
                    &mut data,
                    &mut point,
                    &mut seg_starts,
                    &positions,
                );
                close(&name, &mut data, &mut point, &mut positions);
            }
            Event::End(_) => {
                if let Some(name) = stack.pop() {
                    close(&name, &mut data, &mut point, &mut positions);
                }
            }
            Event::Text(t) => {
                let text = t.trim();
                if !text.is_empty() {
                    text_in(&stack, text, dialect, &mut data, &mut point);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    if !root_seen {
        return Err("empty file: no XML elements".into());
    }
    fill_distance(&mut data.samples, &positions, &seg_starts);
    Ok(data)
}

fn check_root(name: &[u8], dialect: Dialect) -> Result<(), String> {
    let want: &[u8] = match dialect {
        Dialect::Gpx => b"gpx",
        Dialect::Tcx => b"TrainingCenterDatabase",
    };
    if name == want {
        Ok(())
    } else {
        Err(format!(
            "not a {} file (its first element is <{}>)",
            if dialect == Dialect::Gpx {
                "GPX"
            } else {
                "TCX"
            },
            String::from_utf8_lossy(name)
        ))
    }
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.try_get_attribute(key)
        .ok()
        .flatten()
        .map(|a| a.value.into_owned())
}

fn open(
    e: &BytesStart,
    name: &[u8],
    dialect: Dialect,
    data: &mut FitData,
    point: &mut Option<Point>,
    seg_starts: &mut Vec<usize>,
    positions: &[Option<(f64, f64)>],
) {
    match (dialect, name) {
        (Dialect::Gpx, b"trkpt") => {
            let lat = attr(e, "lat").and_then(|v| v.trim().parse().ok());
            let lon = attr(e, "lon").and_then(|v| v.trim().parse().ok());
            *point = Some(Point {
                pos: fix(lat.zip(lon)),
                ..Default::default()
            });
        }
        (Dialect::Gpx, b"trk") if data.sessions.is_empty() => {
            data.sessions.push(Session::default());
        }
        (Dialect::Gpx, b"trkseg") | (Dialect::Tcx, b"Track") => seg_starts.push(positions.len()),
        (Dialect::Tcx, b"Activity") => {
            let (sport, sub) = sport_of(&attr(e, "Sport").unwrap_or_default());
            data.sessions.push(Session {
                sport,
                sub_sport: sub,
                ..Default::default()
            });
        }
        (Dialect::Tcx, b"Lap") => {
            if let Some(s) = data.sessions.last_mut()
                && s.start.is_none()
            {
                s.start = attr(e, "StartTime").and_then(|t| unix(&t));
            }
        }
        (Dialect::Tcx, b"Trackpoint") => *point = Some(Point::default()),
        _ => {}
    }
}

fn close(
    name: &[u8],
    data: &mut FitData,
    point: &mut Option<Point>,
    positions: &mut Vec<Option<(f64, f64)>>,
) {
    if matches!(name, b"trkpt" | b"Trackpoint")
        && let Some(p) = point.take()
        && p.has_time
    {
        data.samples.push(p.sample);
        positions.push(p.pos);
    }
}

/// A position, or None for 0,0: what receivers write before they have a fix (a point there in a
/// ride elsewhere would add a 10,000 km jump).
fn fix(pos: Option<(f64, f64)>) -> Option<(f64, f64)> {
    pos.filter(|p| *p != (0.0, 0.0))
}

/// A number in a text node; None for anything that is not a finite number.
fn num(text: &str) -> Option<f64> {
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}

fn text_in(
    stack: &[Vec<u8>],
    text: &str,
    dialect: Dialect,
    data: &mut FitData,
    point: &mut Option<Point>,
) {
    let Some(name) = stack.last() else { return };
    let parent = stack.len().checked_sub(2).map(|i| stack[i].as_slice());
    if let Some(p) = point.as_mut() {
        let s = &mut p.sample;
        match name.as_slice() {
            b"time" | b"Time" => {
                if let Some(t) = unix(text) {
                    s.t = t;
                    p.has_time = true;
                }
            }
            b"ele" | b"AltitudeMeters" => s.altitude = num(text),
            b"DistanceMeters" => s.distance = num(text),
            b"LatitudeDegrees" => p.lat = num(text),
            b"LongitudeDegrees" => p.pos = fix(p.lat.zip(num(text))),
            b"hr" => s.hr = num(text).filter(|h| *h > 0.0),
            b"Value" if parent == Some(b"HeartRateBpm") => s.hr = num(text).filter(|h| *h > 0.0),
            b"cad" | b"Cadence" | b"RunCadence" => s.cadence = num(text),
            b"power" | b"Watts" | b"PowerInWatts" => s.power = num(text),
            b"speed" | b"Speed" => s.speed = num(text),
            _ => {}
        }
        return;
    }
    match (dialect, name.as_slice()) {
        (Dialect::Gpx, b"type") if parent == Some(b"trk") => {
            if let Some(s) = data.sessions.last_mut() {
                (s.sport, s.sub_sport) = sport_of(text);
            }
        }
        (Dialect::Tcx, b"TotalTimeSeconds") if parent == Some(b"Lap") => {
            if let Some(s) = data.sessions.last_mut() {
                s.timer_s = Some(s.timer_s.unwrap_or(0.0) + num(text).unwrap_or(0.0));
            }
        }
        (Dialect::Tcx, b"DistanceMeters") if parent == Some(b"Lap") => {
            if let Some(s) = data.sessions.last_mut() {
                s.distance_m = Some(s.distance_m.unwrap_or(0.0) + num(text).unwrap_or(0.0));
            }
        }
        (Dialect::Tcx, b"Id") if parent == Some(b"Activity") => {
            if let Some(s) = data.sessions.last_mut() {
                s.start = unix(text);
            }
        }
        _ => {}
    }
}

/// Unix seconds of an XML time: RFC 3339 (`2017-07-29T14:46:35.000Z`, `+00:00`), or without
/// a zone (taken as UTC, as GPX prescribes).
pub fn unix(text: &str) -> Option<i64> {
    let t = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Some(d.timestamp());
    }
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        .map(|d| d.and_utc().timestamp())
}

/// FIT's sport and sub-sport names for a GPX `<type>` or TCX `Sport` (Garmin's and Strava's
/// words), so both map to activity kinds exactly as FIT files do.
fn sport_of(word: &str) -> (Option<String>, Option<String>) {
    let w: String = word
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    let (sport, sub) = match w.as_str() {
        "virtualride" | "virtualcycling" => ("cycling", "virtual_activity"),
        "indoorcycling" | "indoorride" => ("cycling", "indoor_cycling"),
        "biking" | "cycling" | "ride" | "roadbiking" | "mountainbiking" | "gravelcycling"
        | "ebikeride" | "mountainbikeride" | "gravelride" => ("cycling", ""),
        "running" | "run" | "trailrunning" | "trailrun" | "treadmillrunning" => ("running", ""),
        "walking" | "walk" => ("walking", ""),
        "hiking" | "hike" => ("hiking", ""),
        "swimming" | "swim" | "openwaterswimming" | "lapswimming" => ("swimming", ""),
        _ => return (None, None),
    };
    (Some(sport.into()), (!sub.is_empty()).then(|| sub.into()))
}

/// Fills each sample's distance as a running total: the file's own figures when it has them
/// (TCX `DistanceMeters`), else by haversine between positions within a segment (a new
/// segment starts after a pause and adds no distance for the jump).
fn fill_distance(samples: &mut [Sample], positions: &[Option<(f64, f64)>], seg_starts: &[usize]) {
    if samples.iter().any(|s| s.distance.is_some()) {
        return;
    }
    let mut total = 0.0;
    let mut prev: Option<(f64, f64)> = None;
    for (i, (s, pos)) in samples.iter_mut().zip(positions).enumerate() {
        if seg_starts.contains(&i) {
            prev = None;
        }
        if let Some(p) = *pos {
            if let Some(q) = prev {
                total += haversine_m(q, p);
            }
            prev = Some(p);
            s.distance = Some(total);
        }
    }
}

/// Great-circle distance in metres between two (latitude, longitude) points in degrees.
pub fn haversine_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    const R: f64 = 6_371_008.8;
    let (la1, la2) = (a.0.to_radians(), b.0.to_radians());
    let dla = la2 - la1;
    let dlo = (b.1 - a.1).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * R * h.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn haversine_matches_a_known_distance() {
        // One degree of latitude is about 111.2 km.
        let d = haversine_m((0.0, 0.0), (1.0, 0.0));
        assert!((d - 111_195.0).abs() < 10.0, "{d}");
        assert_eq!(haversine_m((45.0, 7.0), (45.0, 7.0)), 0.0);
    }

    #[test]
    fn tcx_power_and_speed_come_from_the_extensions() {
        let tcx = r#"<?xml version="1.0"?>
<TrainingCenterDatabase xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
 <Activities><Activity Sport="Biking"><Id>2024-05-01T06:00:00Z</Id>
  <Lap StartTime="2024-05-01T06:00:00Z"><TotalTimeSeconds>2</TotalTimeSeconds><DistanceMeters>20</DistanceMeters>
   <Track>
    <Trackpoint><Time>2024-05-01T06:00:00Z</Time><DistanceMeters>0</DistanceMeters>
     <HeartRateBpm><Value>120</Value></HeartRateBpm><Cadence>85</Cadence>
     <Extensions><ns3:TPX><ns3:Speed>9.5</ns3:Speed><ns3:Watts>200</ns3:Watts></ns3:TPX></Extensions></Trackpoint>
    <Trackpoint><Time>2024-05-01T06:00:02Z</Time><DistanceMeters>20</DistanceMeters>
     <Extensions><ns3:TPX><ns3:Watts>220</ns3:Watts></ns3:TPX></Extensions></Trackpoint>
   </Track></Lap></Activity></Activities></TrainingCenterDatabase>"#;
        let d = decode(tcx.as_bytes(), Dialect::Tcx).unwrap();
        assert_eq!(d.sessions[0].sport.as_deref(), Some("cycling"));
        assert_eq!(d.sessions[0].distance_m, Some(20.0));
        let powers: Vec<_> = d.samples.iter().map(|s| s.power).collect();
        assert_eq!(powers, [Some(200.0), Some(220.0)]);
        assert_eq!(d.samples[0].hr, Some(120.0));
        assert_eq!(d.samples[0].speed, Some(9.5));
        assert!(
            decode(b"<gpx></gpx>", Dialect::Tcx)
                .unwrap_err()
                .contains("not a TCX")
        );
    }

    #[test]
    fn times_with_and_without_zones() {
        assert_eq!(unix("1970-01-01T00:01:00Z"), Some(60));
        assert_eq!(unix("1970-01-01T01:01:00+01:00"), Some(60));
        assert_eq!(unix("1970-01-01T00:01:00.900"), Some(60));
        assert_eq!(unix("yesterday"), None);
    }
}
