//! How much margin attosign's QR defaults leave a real decoder: draws SEND codes (the
//! largest payload) at each module size and error-correction level, "photographs" each as a
//! phone's preview frame would see a screen (resampled, tilted, defocused, noisy, with a glare
//! spot over part of the code), and counts how many `zbarimg` reads back exactly.
//!
//! `cargo run --release --example qr_scan_margin [TRIALS]` (needs zbarimg: apt install
//! zbar-tools). The README's defaults come from its output.

use attosign::protocol::{
    Algorithm, Amount, Block, BlockBody, Hash, Network, PublicKey, Signature, Transaction, Work,
};
use attosign::qr::{self, Code, EcLevel};
use std::path::Path;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn gauss(&mut self) -> f64 {
        let (u, v) = (self.unit().max(1e-12), self.unit());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
    fn bytes32(&mut self) -> [u8; 32] {
        let mut out = [0u8; 32];
        for chunk in out.chunks_mut(8) {
            chunk.copy_from_slice(&self.next().to_le_bytes());
        }
        out
    }
}

/// A SEND with random content; the decoder only sees bytes, so no signature is needed.
fn random_send(rng: &mut Rng) -> Transaction {
    let mut signature = [0u8; 64];
    signature[..32].copy_from_slice(&rng.bytes32());
    signature[32..].copy_from_slice(&rng.bytes32());
    Transaction {
        block: Block {
            network: Network::Live,
            version: 0,
            algorithm: Algorithm::V1,
            public_key: PublicKey(rng.bytes32()),
            balance: Amount(rng.next() % Amount::MAX.raw()),
            timestamp: 1_790_000_000_000,
            body: BlockBody::Send {
                height: rng.next() >> 20,
                previous: Hash(rng.bytes32()),
                receiver_algorithm: Algorithm::V1,
                receiver: PublicKey(rng.bytes32()),
                amount: Amount(rng.next() % Amount::MAX.raw()),
            },
        },
        signature: Signature(signature),
        work: Work::from_nonce(rng.next()),
    }
}

/// Camera conditions: `scale` camera pixels per screen pixel, tilt in degrees, blur radius,
/// noise (standard deviation in 0–255 levels), and a glare disc covering `glare` of the
/// code's area, washed out to near white.
struct Camera {
    scale: f64,
    tilt: f64,
    blur: usize,
    noise: f64,
    glare: f64,
}

/// What the camera sees of a PNG drawn at `module_px`: a grayscale frame.
fn photograph(code: &Code, module_px: u32, cam: &Camera, rng: &mut Rng) -> (usize, Vec<u8>) {
    let matrix = code.matrix();
    let modules = matrix.len() as f64;
    let screen = modules * f64::from(module_px);
    let side = (screen * cam.scale * 1.2).ceil() as usize;
    let (sin, cos) = cam.tilt.to_radians().sin_cos();
    let centre = side as f64 / 2.0;
    let glare_r = (cam.glare * modules * modules / std::f64::consts::PI).sqrt();
    let (gx, gy) = (
        modules * (0.25 + 0.5 * rng.unit()),
        modules * (0.25 + 0.5 * rng.unit()),
    );
    let mut frame = vec![0f64; side * side];
    for y in 0..side {
        for x in 0..side {
            // 3×3 samples per camera pixel: the sensor averages what falls on it.
            let mut sum = 0.0;
            for sy in 0..3 {
                for sx in 0..3 {
                    let px = x as f64 + (sx as f64 + 0.5) / 3.0 - centre;
                    let py = y as f64 + (sy as f64 + 0.5) / 3.0 - centre;
                    let u = (cos * px - sin * py) / cam.scale + screen / 2.0;
                    let v = (sin * px + cos * py) / cam.scale + screen / 2.0;
                    let (mu, mv) = (u / f64::from(module_px), v / f64::from(module_px));
                    let dark = mu >= 0.0
                        && mv >= 0.0
                        && mu < modules
                        && mv < modules
                        && matrix[mv as usize][mu as usize];
                    let glare = ((mu - gx).powi(2) + (mv - gy).powi(2)).sqrt() < glare_r;
                    sum += match (dark, glare) {
                        (_, true) => 235.0,
                        (true, false) => 30.0,
                        (false, false) => 225.0,
                    };
                }
            }
            frame[y * side + x] = sum / 9.0;
        }
    }
    for _ in 0..cam.blur {
        frame = box_blur(&frame, side);
    }
    let pixels = frame
        .iter()
        .map(|v| (v + cam.noise * rng.gauss()).clamp(0.0, 255.0) as u8)
        .collect();
    (side, pixels)
}

fn box_blur(src: &[f64], side: usize) -> Vec<f64> {
    let mut out = vec![0f64; src.len()];
    for y in 0..side {
        for x in 0..side {
            let mut sum = 0.0;
            let mut n = 0.0;
            for dy in -1i64..=1 {
                for dx in -1i64..=1 {
                    let (xx, yy) = (x as i64 + dx, y as i64 + dy);
                    if xx >= 0 && yy >= 0 && (xx as usize) < side && (yy as usize) < side {
                        sum += src[yy as usize * side + xx as usize];
                        n += 1.0;
                    }
                }
            }
            out[y * side + x] = sum / n;
        }
    }
    out
}

fn write_png(path: &Path, side: usize, pixels: &[u8]) {
    let file = std::fs::File::create(path).unwrap();
    let mut encoder = png::Encoder::new(file, side as u32, side as u32);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::Eight);
    encoder
        .write_header()
        .unwrap()
        .write_image_data(pixels)
        .unwrap();
}

fn zbarimg_reads(path: &Path) -> Option<String> {
    let out = std::process::Command::new("zbarimg")
        .args(["--raw", "-q", "-Sdisable", "-Sqrcode.enable"])
        .arg(path)
        .output()
        .expect("zbarimg runs (apt install zbar-tools)");
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn main() {
    let trials: usize = std::env::args()
        .nth(1)
        .map_or(20, |t| t.parse().expect("TRIALS is a number"));
    let dir = std::env::temp_dir().join(format!("attosign-qr-margin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("frame.png");
    // A phone's scanner works on preview frames (about 1280×720): at arm's length from a
    // laptop screen that is about one camera pixel per screen pixel, or less.
    let cameras = [
        ("clean, 1:1", 1.0, 0.0, 0, 0.0, 0.0),
        ("preview 0.8x, tilt 7°, blur, noise", 0.8, 7.0, 1, 12.0, 0.0),
        ("preview 0.6x, tilt 7°, blur, noise", 0.6, 7.0, 1, 12.0, 0.0),
        (
            "preview 0.8x + glare over 6% of code",
            0.8,
            7.0,
            1,
            12.0,
            0.06,
        ),
        (
            "preview 0.8x + glare over 12% of code",
            0.8,
            7.0,
            1,
            12.0,
            0.12,
        ),
    ];
    let mut rng = Rng(0x5eed);
    println!("SEND codes, {trials} trials each; cells: read / tried");
    println!(
        "{:<40} {:>3} {:>5} {:>5} {:>5} {:>5}",
        "camera", "px", "L", "M", "Q", "H"
    );
    for (name, scale, tilt, blur, noise, glare) in cameras {
        let cam = Camera {
            scale,
            tilt,
            blur,
            noise,
            glare,
        };
        for module_px in [2u32, 3, 4, 5, 6, 8] {
            let mut row = format!("{name:<40} {module_px:>3}");
            for ec in [EcLevel::L, EcLevel::M, EcLevel::Q, EcLevel::H] {
                let mut read = 0;
                for _ in 0..trials {
                    let tx = random_send(&mut rng);
                    let code = Code::transaction(&tx, ec).unwrap();
                    let (side, pixels) = photograph(&code, module_px, &cam, &mut rng);
                    write_png(&path, side, &pixels);
                    if zbarimg_reads(&path).as_deref() == Some(qr::payload(&tx).as_str()) {
                        read += 1;
                    }
                }
                row.push_str(&format!(" {read:>5}"));
            }
            println!("{row}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
