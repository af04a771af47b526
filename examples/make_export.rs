//! Builds the import benchmark's inputs (scripts/bench-import.sh): N distinct activities made
//! from real FIT files by moving every timestamp on by whole days, written twice: as a folder
//! of plain `.fit` files, and as a Strava export zip (`activities.csv` naming each
//! `activities/N.fit.gz`). Usage: make_export FIT_DIR OUT_DIR [N]

use std::io::Write;
use std::path::Path;

/// Single-session activity files of ../shared/fit.
const FILES: &[&str] = &[
    "garmin-edge-500-activity.fit",
    "garmin-edge-820-bike.fit",
    "garmin-fenix-5-bike.fit",
    "garmin-fenix-5-run.fit",
    "garmin-fenix-5-walk.fit",
    "Edge810-Vector-2013-08-16-15-35-10.fit",
    "sample-activity.fit",
    "2013-02-06-12-11-14.fit",
    "2015-10-13-08-43-15.fit",
    "sample-activity-indoor-trainer.fit",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (src, out) = (Path::new(&args[1]), Path::new(&args[2]));
    let n: usize = args.get(3).map_or(Ok(1000), |s| s.parse())?;
    let originals: Vec<Vec<u8>> = FILES
        .iter()
        .map(|f| std::fs::read(src.join(f)))
        .collect::<Result<_, _>>()?;
    let fit_dir = out.join("fit");
    std::fs::create_dir_all(&fit_dir)?;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(out.join("export.zip"))?);
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut csv = String::from(
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename\n",
    );
    for i in 0..n {
        // Whole days keep compressed timestamps (5-bit offsets) valid.
        let days = (i / FILES.len() + 1) as u32;
        let bytes = shift(&originals[i % FILES.len()], days * 86_400)?;
        std::fs::write(fit_dir.join(format!("{i}.fit")), &bytes)?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&bytes)?;
        zip.start_file(format!("activities/{i}.fit.gz"), opts)?;
        zip.write_all(&gz.finish()?)?;
        // The row's own date is the upload's; the file's records give the start.
        let (year, day) = (2000 + i / 28, i % 28 + 1);
        csv.push_str(&format!(
            "{i},\"Jan {day}, {year}, 6:00:00 AM\",Ride {i},Ride,\"back ok\",3600,30.0,,,false,,Bike,activities/{i}.fit.gz\n"
        ));
    }
    zip.start_file("activities.csv", opts)?;
    zip.write_all(csv.as_bytes())?;
    zip.finish()?;
    Ok(())
}

/// A local message's definition: big-endian, field layout (number, size), developer bytes.
type Def = (bool, Vec<(u8, usize)>, usize);

/// The FIT file with every message timestamp (field 253) moved on by `secs`, CRC redone.
fn shift(file: &[u8], secs: u32) -> Result<Vec<u8>, String> {
    let mut b = file.to_vec();
    let header = *b.first().ok_or("empty")? as usize;
    let size = u32::from_le_bytes(b[4..8].try_into().map_err(|_| "short")?) as usize;
    let end = header + size;
    let mut defs: Vec<Option<Def>> = vec![None; 16];
    let mut i = header;
    while i < end {
        let h = b[i];
        i += 1;
        if h & 0x80 != 0 {
            let local = ((h >> 5) & 3) as usize;
            let (_, fields, dev) = defs[local].as_ref().ok_or("undefined")?;
            i += fields.iter().map(|f| f.1).sum::<usize>() + dev;
        } else if h & 0x40 != 0 {
            let big = b[i + 1] == 1;
            let n = b[i + 4] as usize;
            let mut fields = Vec::with_capacity(n);
            for k in 0..n {
                fields.push((b[i + 5 + 3 * k], b[i + 6 + 3 * k] as usize));
            }
            i += 5 + 3 * n;
            let mut dev = 0;
            if h & 0x20 != 0 {
                let m = b[i] as usize;
                dev = (0..m).map(|k| b[i + 2 + 3 * k] as usize).sum();
                i += 1 + 3 * m;
            }
            defs[(h & 0x0f) as usize] = Some((big, fields, dev));
        } else {
            let (big, fields, dev) = defs[(h & 0x0f) as usize].clone().ok_or("undefined")?;
            for (num, len) in fields {
                if num == 253 && len == 4 {
                    let raw: [u8; 4] = b[i..i + 4].try_into().map_err(|_| "short")?;
                    let t = if big {
                        u32::from_be_bytes(raw)
                    } else {
                        u32::from_le_bytes(raw)
                    };
                    if t != u32::MAX {
                        let v = t + secs;
                        let out = if big {
                            v.to_be_bytes()
                        } else {
                            v.to_le_bytes()
                        };
                        b[i..i + 4].copy_from_slice(&out);
                    }
                }
                i += len;
            }
            i += dev;
        }
    }
    let crc = b[..end].iter().fold(0u16, |c, &x| crc16(c, x));
    b[end..end + 2].copy_from_slice(&crc.to_le_bytes());
    b.truncate(end + 2);
    Ok(b)
}

fn crc16(mut crc: u16, byte: u8) -> u16 {
    const T: [u16; 16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800,
        0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
    ];
    for nibble in [byte & 0xf, byte >> 4] {
        let tmp = T[(crc & 0xf) as usize];
        crc = ((crc >> 4) & 0x0fff) ^ tmp ^ T[nibble as usize];
    }
    crc
}
