//! Decoding a FIT file with fitparser into the few plain facts the importer needs: the file
//! type, the session messages, the records' samples and the device's UTC offset. Damaged
//! files (bad CRC, truncated, corrupt header, undefined local message, misaligned fields)
//! become a `FitError` with a readable reason; the decoder never panics through this API.

use fitparser::de::{DecodeOption, FitObject, FitStreamProcessor};
use fitparser::profile::MesgNum;
use fitparser::{ErrorKind, FitDataRecord, Value};

/// One record message: a timed sample.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Sample {
    /// Unix seconds (UTC).
    pub t: i64,
    pub power: Option<f64>,
    pub hr: Option<f64>,
    pub distance: Option<f64>,
    pub speed: Option<f64>,
    pub altitude: Option<f64>,
    pub cadence: Option<f64>,
}

/// One session message: the device's own summary of one sport in the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    pub sport: Option<String>,
    pub sub_sport: Option<String>,
    /// Unix seconds (UTC).
    pub start: Option<i64>,
    pub elapsed_s: Option<f64>,
    pub timer_s: Option<f64>,
    pub distance_m: Option<f64>,
    pub ascent_m: Option<f64>,
    pub avg_power_w: Option<f64>,
    pub np_w: Option<f64>,
    pub avg_hr: Option<f64>,
    pub max_hr: Option<f64>,
}

/// What a FIT file holds, as far as the importer cares.
#[derive(Debug, Clone, Default)]
pub struct FitData {
    /// The file_id type: `activity`, `settings`, `workout`, …; None when missing.
    pub file_type: Option<String>,
    pub sessions: Vec<Session>,
    pub samples: Vec<Sample>,
    /// The sport message's sport and sub-sport, for files without sessions.
    pub sport: Option<(Option<String>, Option<String>)>,
    /// The device's offset from UTC in seconds (activity message: local_timestamp − timestamp).
    pub utc_offset_s: Option<i32>,
}

/// Why a FIT file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct FitError(pub String);

/// Decodes a whole FIT file (chained files included) or says why it cannot be read.
pub fn decode(bytes: &[u8]) -> Result<FitData, FitError> {
    match std::panic::catch_unwind(|| decode_inner(bytes)) {
        Ok(r) => r,
        Err(_) => Err(FitError("the FIT decoder failed on this file".into())),
    }
}

fn decode_inner(mut buf: &[u8]) -> Result<FitData, FitError> {
    if buf.is_empty() {
        return Err(FitError("empty file".into()));
    }
    let mut p = FitStreamProcessor::new();
    p.add_option(DecodeOption::DropUnknownFields);
    let mut data = FitData::default();
    let mut activity_times: Option<(i64, i64)> = None;
    let mut offset = 0usize;
    // A header opens a file and its CRC closes it; a file still open at the end is cut short.
    // While open, the messages run up to `messages_end`.
    let mut open = false;
    let mut messages_end = 0usize;
    while !buf.is_empty() {
        // A definition is checked before fitparser reads it (it would only warn on stderr).
        if open && offset < messages_end && buf[0] & 0xc0 == 0x40 {
            check_definition(buf, offset)?;
        }
        let (rest, obj) = p.deserialize_next(buf).map_err(|e| reason(&e))?;
        let used = buf.len() - rest.len();
        match obj {
            FitObject::Crc(_) => {
                p.reset();
                open = false;
            }
            FitObject::Header(h) => {
                open = true;
                messages_end = offset + h.header_size() as usize + h.data_size() as usize;
            }
            FitObject::DefinitionMessage(_) => {}
            FitObject::DataMessage(msg) => {
                let wanted = matches!(msg.global_message_number(), 0 | 12 | 18 | 20 | 34);
                // Other messages are decoded only when they move the timestamp base that
                // compressed timestamps build on, or describe developer fields.
                if wanted
                    || msg.time_offset().is_some()
                    || msg.fields.contains_key(&253)
                    || matches!(msg.global_message_number(), 206 | 207)
                {
                    let rec = p.decode_message(msg).map_err(|e| reason(&e))?;
                    if wanted {
                        collect(&rec, &mut data, &mut activity_times);
                    }
                }
            }
        }
        offset += used;
        buf = rest;
    }
    if open {
        return Err(FitError(
            "truncated: the file ends before its data is complete".into(),
        ));
    }
    data.utc_offset_s = activity_times
        .and_then(|(utc, local)| plausible_offset(local - utc + machine_offset_at_fit_epoch()));
    Ok(data)
}

/// A readable reason for a decoder error.
fn reason(e: &fitparser::Error) -> FitError {
    FitError(match e.as_ref() {
        ErrorKind::InvalidCrc((_, FitObject::Header(_), ..)) => {
            "bad CRC in the file header: the file is damaged".into()
        }
        ErrorKind::InvalidCrc(_) => "bad CRC: the file is damaged or incomplete".into(),
        ErrorKind::UnexpectedEof(_) => "truncated: the file ends in the middle of a message".into(),
        ErrorKind::MissingDefinitionMessage(n, pos) => {
            format!("corrupt: local message {n} used at byte {pos} but never defined")
        }
        ErrorKind::ParseError(pos, _) => {
            format!("corrupt data at byte {pos} (not a valid FIT file)")
        }
        ErrorKind::TrailingBytes(n) => format!("corrupt: {n} unexpected bytes at the end"),
        other => format!("cannot decode: {other}"),
    })
}

/// Refuses a definition whose field size is not a whole number of its base type (a
/// misaligned field: the data after it cannot be trusted). `raw` starts at the message.
fn check_definition(raw: &[u8], offset: usize) -> Result<(), FitError> {
    let n = raw.get(5).copied().unwrap_or(0) as usize;
    for i in 0..n {
        let Some(def) = raw.get(6 + 3 * i..9 + 3 * i) else {
            break;
        };
        let base = match def[2] & 0x1f {
            3 | 4 | 11 => 2,
            5 | 6 | 8 | 12 => 4,
            9 | 14..=16 => 8,
            _ => 1,
        };
        if def[1] % base != 0 {
            return Err(FitError(format!(
                "corrupt: misaligned field in the definition at byte {offset} (size {} is not a multiple of {base})",
                def[1]
            )));
        }
    }
    Ok(())
}

/// The offset when it looks like a real time zone (within ±14 h); devices with an unset
/// clock write nonsense here.
fn plausible_offset(diff: i64) -> Option<i32> {
    let rounded = (diff as f64 / 900.0).round() as i64 * 900;
    (diff != 0 && rounded.abs() <= 14 * 3600 && (diff - rounded).abs() <= 60)
        .then_some(rounded as i32)
}

/// fitparser places a local_timestamp on the FIT epoch taken in this machine's zone; adding
/// that zone's offset at the epoch recovers the device's own wall-clock seconds.
fn machine_offset_at_fit_epoch() -> i64 {
    use chrono::{Offset, TimeZone};
    let epoch = chrono::NaiveDate::from_ymd_opt(1989, 12, 31)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    chrono::Local
        .offset_from_local_datetime(&epoch)
        .earliest()
        .map_or(0, |o| o.fix().local_minus_utc() as i64)
}

fn collect(rec: &FitDataRecord, data: &mut FitData, activity: &mut Option<(i64, i64)>) {
    match rec.kind() {
        MesgNum::Record => {
            let mut s = Sample::default();
            let mut has_time = false;
            for f in rec.fields() {
                let v = f.value();
                match f.name() {
                    "timestamp" => {
                        if let Some(t) = time(v) {
                            s.t = t;
                            has_time = true;
                        }
                    }
                    "power" => s.power = num(v),
                    "heart_rate" => s.hr = num(v).filter(|h| *h > 0.0),
                    "distance" => s.distance = num(v),
                    "enhanced_speed" => s.speed = num(v),
                    "speed" => s.speed = s.speed.or(num(v)),
                    "enhanced_altitude" => s.altitude = num(v),
                    "altitude" => s.altitude = s.altitude.or(num(v)),
                    "cadence" => s.cadence = num(v),
                    _ => {}
                }
            }
            if has_time {
                data.samples.push(s);
            }
        }
        MesgNum::Session => data.sessions.push(session(rec)),
        MesgNum::FileId if data.file_type.is_none() => {
            data.file_type = field(rec, "type").map(|v| match v {
                Value::String(s) => s.clone(),
                other => format!("{other}"),
            });
        }
        MesgNum::Sport => {
            data.sport = Some((text(rec, "sport"), text(rec, "sub_sport")));
        }
        MesgNum::Activity => {
            let utc = field(rec, "timestamp").and_then(time);
            let local = field(rec, "local_timestamp").and_then(time);
            if let (Some(u), Some(l)) = (utc, local) {
                *activity = Some((u, l));
            }
        }
        _ => {}
    }
}

fn session(rec: &FitDataRecord) -> Session {
    let n = |name| field(rec, name).and_then(num);
    Session {
        sport: text(rec, "sport"),
        sub_sport: text(rec, "sub_sport"),
        start: field(rec, "start_time").and_then(time),
        elapsed_s: n("total_elapsed_time"),
        timer_s: n("total_timer_time"),
        distance_m: n("total_distance"),
        ascent_m: n("total_ascent"),
        avg_power_w: n("avg_power"),
        np_w: n("normalized_power"),
        avg_hr: n("avg_heart_rate").filter(|h| *h > 0.0),
        max_hr: n("max_heart_rate").filter(|h| *h > 0.0),
    }
}

fn field<'a>(rec: &'a FitDataRecord, name: &str) -> Option<&'a Value> {
    rec.fields()
        .iter()
        .find(|f| f.name() == name)
        .map(|f| f.value())
}

fn text(rec: &FitDataRecord, name: &str) -> Option<String> {
    match field(rec, name)? {
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn time(v: &Value) -> Option<i64> {
    match v {
        Value::Timestamp(t) => Some(t.timestamp()),
        _ => None,
    }
}

/// A finite number from a numeric value; None for text, arrays and invalid values.
fn num(v: &Value) -> Option<f64> {
    let x = match v {
        Value::Byte(x) | Value::Enum(x) | Value::UInt8(x) | Value::UInt8z(x) => *x as f64,
        Value::SInt8(x) => *x as f64,
        Value::SInt16(x) => *x as f64,
        Value::UInt16(x) | Value::UInt16z(x) => *x as f64,
        Value::SInt32(x) => *x as f64,
        Value::UInt32(x) | Value::UInt32z(x) => *x as f64,
        Value::SInt64(x) => *x as f64,
        Value::UInt64(x) | Value::UInt64z(x) => *x as f64,
        Value::Float32(x) => *x as f64,
        Value::Float64(x) => *x,
        _ => return None,
    };
    x.is_finite().then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(decode(b"").is_err());
        assert!(decode(b"not a fit file at all").is_err());
        assert!(
            decode(&[
                14, 16, 0, 0, 255, 255, 255, 255, b'.', b'F', b'I', b'T', 0, 0
            ])
            .is_err()
        );
    }

    #[test]
    fn a_field_size_must_fit_its_base_type() {
        // Definition of message 20 with one field: number 253, size N, base type uint32.
        let def = |size| [0x40, 0, 0, 20, 0, 1, 253, size, 0x86];
        assert!(check_definition(&def(4), 0).is_ok());
        assert!(check_definition(&def(8), 0).is_ok());
        let e = check_definition(&def(1), 12).unwrap_err();
        assert!(
            e.0.contains("misaligned field") && e.0.contains("byte 12"),
            "{e}"
        );
    }

    #[test]
    fn offsets_must_look_like_time_zones() {
        assert_eq!(plausible_offset(8 * 3600), Some(8 * 3600));
        assert_eq!(plausible_offset(-7 * 3600 + 1), Some(-7 * 3600));
        assert_eq!(plausible_offset(0), None);
        assert_eq!(plausible_offset(600_000_000), None);
    }
}
